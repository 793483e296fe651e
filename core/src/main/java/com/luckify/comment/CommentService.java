package com.luckify.comment;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import com.luckify.lottery.ParticipationService;
import com.luckify.lottery.Prize;
import com.luckify.upload.UploadService;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Prize shows (晒单): only a lottery's winners post them, only the author edits them, the author or a
 * moderator deletes them (softly, so moderation keeps the history). Likes are one per user by the database
 * and counted under the comment's row lock, so the count always equals the likes.
 */
@Service
public class CommentService {

    /** No user has this id: the page everyone sees, with nobody's likes or comments in review. */
    private static final long NOBODY = 0;

    private final CommentMapper comments;
    private final CommentModerator moderator;
    private final ParticipationService participations;
    private final UploadService uploads;
    private final CommentProperties properties;
    private final LikeRankSnapshots snapshots;
    private final CommentReadCache cache;
    private final LockRetry lockRetry;
    private final Clock clock;

    CommentService(CommentMapper comments, CommentModerator moderator, ParticipationService participations,
            UploadService uploads, CommentProperties properties, LikeRankSnapshots snapshots,
            CommentReadCache cache, LockRetry lockRetry, Clock clock) {
        this.comments = comments;
        this.moderator = moderator;
        this.participations = participations;
        this.uploads = uploads;
        this.properties = properties;
        this.snapshots = snapshots;
        this.cache = cache;
        this.lockRetry = lockRetry;
        this.clock = clock;
    }

    /** Posts a prize show for a lottery the author won; an empty prize name becomes the won prize's name. */
    public PostedComment add(long authorId, long lotteryId, CommentDraft draft) {
        Prize prize = participations.prizeWonBy(authorId, lotteryId)
                .orElseThrow(() -> BusinessException.of(ErrorCode.COMMENT_NOT_WINNER));
        CommentDraft checked = checkedDraft(authorId, draft, prize.name());
        CommentModerator.Verdict verdict = moderator.judge(authorId, checked);
        // judged (WeChat may be asked) before the transaction: a lock contest runs the insert again, not the judging
        long id = lockRetry.inTransaction(status -> {
            NewCommentRow row = new NewCommentRow(authorId, lotteryId, checked, verdict);
            comments.insert(row);
            return row.id;
        });
        cache.invalidate();
        return new PostedComment(id, verdict.state());
    }

    /**
     * The author rewrites the text and pictures; likes stay. The edit is judged like a new comment, except
     * that a comment a moderator hid stays hidden.
     */
    public PostedComment update(long authorId, long commentId, CommentDraft draft) {
        Comment current = requireOwnLive(authorId, commentId);
        CommentDraft checked = checkedDraft(authorId, draft, current.prizeName());
        CommentModerator.Verdict verdict = current.moderationState() == ModerationState.HIDDEN
                ? new CommentModerator.Verdict(ModerationState.HIDDEN, "hidden by a moderator")
                : moderator.judge(authorId, checked);
        if (lockRetry.inTransaction(status -> comments.updateByAuthor(commentId, authorId, checked, verdict.state(),
                verdict.reason())) == 0) {
            // deleted between the read and the write
            throw BusinessException.of(ErrorCode.COMMENT_NOT_FOUND);
        }
        cache.invalidate();
        return new PostedComment(commentId, verdict.state());
    }

    /** The author deletes a comment; deleting it again changes nothing. */
    public void deleteByAuthor(long authorId, long commentId) {
        Long author = comments.authorOf(commentId);
        if (author == null) {
            throw BusinessException.of(ErrorCode.COMMENT_NOT_FOUND);
        }
        if (author != authorId) {
            throw BusinessException.of(ErrorCode.COMMENT_NOT_OWNED);
        }
        if (lockRetry.inTransaction(status -> comments.deleteByAuthor(commentId, authorId, clock.instant())) > 0) {
            cache.invalidate();
        }
    }

    /** A moderator removes a comment; the row and its likes stay for the moderation history. */
    public void deleteByStaff(long staffId, long commentId) {
        if (comments.authorOf(commentId) == null) {
            throw BusinessException.of(ErrorCode.COMMENT_NOT_FOUND);
        }
        if (lockRetry.inTransaction(status -> comments.deleteByStaff(commentId, staffId, clock.instant())) > 0) {
            cache.invalidate();
        }
    }

    /** Likes the comment, or takes the like back if the user already liked it. */
    public PraiseResult togglePraise(long userId, long commentId) {
        try {
            PraiseResult result = lockRetry.inTransaction(status -> {
                Comment comment = comments.lockLive(commentId);
                if (comment == null || !visibleTo(comment, userId)) {
                    throw BusinessException.of(ErrorCode.COMMENT_NOT_FOUND);
                }
                if (comments.deletePraise(userId, commentId) > 0) {
                    comments.addPraises(commentId, -1);
                    return new PraiseResult(false, comment.praiseCount() - 1);
                }
                comments.insertPraise(userId, commentId);
                comments.addPraises(commentId, 1);
                return new PraiseResult(true, comment.praiseCount() + 1);
            });
            cache.invalidate();
            return result;
        } catch (DuplicateKeyException e) {
            // cannot happen while toggles hold the comment's lock; say so plainly if it ever does
            throw new IllegalStateException("like of user " + userId + " on comment " + commentId + " raced", e);
        }
    }

    /**
     * A page of comments the viewer may see (visible ones and the viewer's own pending ones), newest or most
     * liked first. Most-liked paging walks a snapshot of the order taken at the first page, so likes given
     * while the reader scrolls neither repeat nor skip a comment.
     */
    public CommentPage list(CommentQuery query) {
        if (query.size() == 0) {
            return new CommentPage(List.of(), "");
        }
        CommentCursor after = CommentCursor.parse(query.cursor(), query.lastId(), query.mostLiked(), comments);
        if (query.mostLiked() && (after.snapshot() != null || after.isTop() && query.cursor() == null)) {
            return mostLikedFromSnapshot(query, after);
        }
        return keysetPage(query, after.likes(), after.id());
    }

    private CommentPage keysetPage(CommentQuery query, Integer afterLikes, long afterId) {
        List<ListedComment> page = pageFor(query, afterLikes, afterId);
        if (page.isEmpty()) {
            return new CommentPage(List.of(), "");
        }
        ListedComment last = page.get(page.size() - 1);
        String next = query.mostLiked() ? CommentCursor.keyset(last.praiseCount(), last.id())
                : CommentCursor.newest(last.id());
        return new CommentPage(items(page), next);
    }

    /**
     * The page everyone sees, cached, with the viewer's likes marked; straight from the database for a viewer
     * who has comments in review (only they see those) or too many likes to keep.
     */
    private List<ListedComment> pageFor(CommentQuery query, Integer afterLikes, long afterId) {
        long viewerId = query.viewerId();
        CommentViewer viewer = viewerId <= 0 ? CommentViewer.ANONYMOUS
                : cache.get(new ViewerKey(viewerId), () -> viewer(viewerId));
        if (!viewer.seesSharedPages()) {
            return comments.page(viewerId, query.lotteryId(), query.mostLiked(), afterLikes, afterId, query.size());
        }
        List<ListedComment> shared = cache.get(new PageKey(query.lotteryId(), query.mostLiked(), afterLikes, afterId,
                query.size()), () -> List.copyOf(comments.page(NOBODY, query.lotteryId(), query.mostLiked(), afterLikes,
                        afterId, query.size())));
        return viewer.likedNone() ? shared
                : shared.stream().map(comment -> comment.praised(viewer.liked(comment.id()))).toList();
    }

    private CommentViewer viewer(long viewerId) {
        return CommentViewer.of(comments.likedBy(viewerId, CommentViewer.MAX_KEPT_LIKES + 1), comments.hasPending(viewerId));
    }

    private CommentPage mostLikedFromSnapshot(CommentQuery query, CommentCursor after) {
        String token = after.snapshot();
        List<RankedComment> ranked = token == null ? null : snapshots.load(token).orElse(null);
        if (token != null && ranked == null) {
            // the snapshot is gone: continue from where it left off, by the counts it had
            return keysetPage(query, after.likes(), after.id());
        }
        if (ranked == null) {
            ranked = comments.rank(query.viewerId(), query.lotteryId(), true, null, 0, LikeRankSnapshots.SIZE);
            // no token when Redis could not keep the snapshot: the next page then continues by (likes, id)
            token = ranked.size() > query.size() ? snapshots.save(ranked).orElse(null) : null;
        }
        int from = Math.min(after.offset(), ranked.size());
        int to = Math.min(from + query.size(), ranked.size());
        boolean full = ranked.size() == LikeRankSnapshots.SIZE;
        if (from == to) {
            // past a full snapshot's end the order continues live, below its last place
            return full ? keysetPage(query, ranked.get(ranked.size() - 1).praiseCount(), ranked.get(ranked.size() - 1).id())
                    : new CommentPage(List.of(), "");
        }
        List<RankedComment> slice = ranked.subList(from, to);
        Map<Long, ListedComment> byId = new HashMap<>();
        comments.findVisibleTo(query.viewerId(), slice.stream().map(RankedComment::id).toList())
                .forEach(comment -> byId.put(comment.id(), comment));
        List<ListedComment> page = slice.stream().map(r -> byId.get(r.id())).filter(Objects::nonNull).toList();
        RankedComment lastServed = slice.get(slice.size() - 1);
        boolean more = to < ranked.size();
        String next = more && token != null ? CommentCursor.inSnapshot(token, to, lastServed)
                : more || full ? CommentCursor.keyset(lastServed.praiseCount(), lastServed.id()) : "";
        return new CommentPage(items(page), next);
    }

    private static List<CommentItem> items(List<ListedComment> page) {
        return page.stream().map(ListedComment::item).toList();
    }

    /** Stored like counts next to the counted likes, comments after {@code afterId}: for reconciliation. */
    public List<LikeTally> likeTalliesAfter(long afterId, int limit) {
        return comments.likeTalliesAfter(afterId, limit);
    }

    /**
     * Sets the comment's like count to its likes. The update takes the comment's row lock first, as a toggle
     * does, so it counts the likes no toggle is changing.
     */
    public void repairLikeCount(long commentId) {
        comments.recountPraises(commentId);
        cache.invalidate();
    }

    /** A comment everyone may see; pending, hidden and deleted ones are not found. */
    public Comment detail(long commentId) {
        Comment comment = comments.findLive(commentId);
        if (comment == null || comment.moderationState() != ModerationState.VISIBLE) {
            throw BusinessException.of(ErrorCode.COMMENT_NOT_FOUND);
        }
        return comment;
    }

    /** The newest visible comment's id, 0 when there is none: where a client starts its cursor. */
    public long lastId() {
        return comments.lastVisibleId();
    }

    private Comment requireOwnLive(long authorId, long commentId) {
        Comment comment = comments.findLive(commentId);
        if (comment == null) {
            throw BusinessException.of(ErrorCode.COMMENT_NOT_FOUND);
        }
        if (comment.userId() != authorId) {
            throw BusinessException.of(ErrorCode.COMMENT_NOT_OWNED);
        }
        return comment;
    }

    private record ViewerKey(long viewerId) {
    }

    private record PageKey(long lotteryId, boolean mostLiked, Integer afterLikes, long afterId, int size) {
    }

    private static boolean visibleTo(Comment comment, long userId) {
        return comment.moderationState() == ModerationState.VISIBLE
                || comment.moderationState() == ModerationState.PENDING && comment.userId() == userId;
    }

    /**
     * The draft with its prize name filled in when left empty, and its pictures normalised to "url,url", at
     * most {@code max-pics}, each one the author's own upload.
     */
    private CommentDraft checkedDraft(long authorId, CommentDraft draft, String defaultPrizeName) {
        List<String> pics = PictureUrls.of(draft.pics()).stream().distinct().toList();
        if (pics.size() > properties.maxPics()) {
            throw BusinessException.of(ErrorCode.COMMENT_TOO_MANY_PICS);
        }
        if (!uploads.ownsAll(authorId, pics)) {
            throw BusinessException.of(ErrorCode.COMMENT_PICS_NOT_OWNED);
        }
        String prizeName = draft.prizeName().isBlank() ? defaultPrizeName : draft.prizeName();
        return new CommentDraft(prizeName, draft.content(), String.join(",", pics));
    }
}
