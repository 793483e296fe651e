package com.luckify.web.comment;

import com.luckify.comment.CommentDraft;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the comment endpoints; lengths are the columns' (characters, as MySQL counts them). */
final class CommentRequests {

    private CommentRequests() {
    }

    record CommentAddReq(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a lottery id") Long lotteryId,
            @Size(max = 255, message = "is too long (max 255)") String prizeName,
            @NotBlank(message = "is not set") @Size(max = 1000, message = "is too long (max 1000)") String content,
            @Size(max = 2000, message = "is too long (max 2000)") String pics) {

        CommentDraft draft() {
            return CommentRequests.draft(prizeName, content, pics);
        }
    }

    /** {@code userId} and {@code lotteryId} are accepted for old clients and ignored: the author is the caller. */
    record CommentUpdateReq(
            @NotNull(message = "is not set") @Min(value = 1, message = "must be a comment id") Long id,
            Long userId,
            Long lotteryId,
            @Size(max = 255, message = "is too long (max 255)") String prizeName,
            @NotBlank(message = "is not set") @Size(max = 1000, message = "is too long (max 1000)") String content,
            @Size(max = 2000, message = "is too long (max 2000)") String pics) {

        CommentDraft draft() {
            return CommentRequests.draft(prizeName, content, pics);
        }
    }

    record IdReq(@NotNull(message = "is not set") @Min(value = 1, message = "must be a comment id") Long id) {
    }

    /**
     * {@code sort} 0 newest first, anything else most liked first. {@code cursor} (optional) is the previous
     * page's {@code nextCursor}; {@code lotteryId} (optional) keeps one lottery's prize shows.
     */
    record CommentListReq(
            @NotNull(message = "is not set") Long lastId,
            @NotNull(message = "is not set") @Min(value = 0, message = "must not be negative") Integer pageSize,
            @NotNull(message = "is not set") Integer sort,
            @Size(max = 80, message = "is too long (max 80)") String cursor,
            @Min(value = 0, message = "must not be negative") Long lotteryId) {
    }

    private static CommentDraft draft(String prizeName, String content, String pics) {
        return new CommentDraft(prizeName == null ? "" : prizeName, content, pics == null ? "" : pics);
    }
}
