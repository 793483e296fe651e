package com.luckify.web.comment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.luckify.comment.Comment;
import com.luckify.comment.CommentItem;
import com.luckify.comment.PostedComment;
import com.luckify.user.PublicUser;
import java.time.Instant;
import java.util.List;

/**
 * Response bodies of the comment endpoints, keyed as the contract (the author's {@code Mobile} with its
 * capital M included). Texts go out exactly as stored; JSON encoding is the only escaping an API client
 * needs, and HTML renderers escape on their side.
 */
final class CommentResponses {

    private CommentResponses() {
    }

    private static long seconds(Instant time) {
        return time == null ? 0 : time.getEpochSecond();
    }

    record AddCommentResp(long id, String moderationState) {

        static AddCommentResp of(PostedComment posted) {
            return new AddCommentResp(posted.id(), posted.moderationState().name());
        }
    }

    record UpdateCommentResp(String moderationState) {
    }

    record PraiseResp(int isPraise, int praiseCount) {
    }

    record CommentListResp(List<CommentListItem> list, String nextCursor) {
    }

    record CommentListItem(long id, long userId, long lotteryId, String prizeName, String content, String pics,
            int praiseCount, long createTime, long updateTime, CommentUser user, int isPraise, String moderationState) {

        static CommentListItem of(CommentItem item) {
            Comment c = item.comment();
            return new CommentListItem(c.id(), c.userId(), c.lotteryId(), c.prizeName(), c.content(), c.pics(),
                    c.praiseCount(), seconds(c.createTime()), seconds(c.updateTime()), CommentUser.of(item.author()),
                    item.praised() ? 1 : 0, c.moderationState().name());
        }
    }

    /** The author as the original showed it: masked nickname and avatar; the other keys are always empty. */
    record CommentUser(long id, @JsonProperty("Mobile") String mobile, String nickname, int sex, String avatar,
            String info, int isAdmin) {

        static CommentUser of(PublicUser user) {
            return new CommentUser(user.id(), "", user.nickname(), 0, user.avatar(), "", 0);
        }
    }

    record CommentDetailResp(CommentView comment) {
    }

    record CommentView(long id, long userId, long lotteryId, String prizeName, String content, String pics,
            int praiseCount, long createTime, long updateTime) {

        static CommentView of(Comment c) {
            return new CommentView(c.id(), c.userId(), c.lotteryId(), c.prizeName(), c.content(), c.pics(),
                    c.praiseCount(), seconds(c.createTime()), seconds(c.updateTime()));
        }
    }

    record GetCommentLastIdResp(long lastId) {
    }
}
