package com.luckify.comment;

import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.BusinessCalendar;
import com.luckify.common.LockRetry;
import com.luckify.common.Paged;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The moderators' side of prize shows: the review queue, approve / hide / delete / restore (one at a time or in
 * bulk, each comment audited), a user's history, and the sensitive-word list.
 */
@Service
public class CommentModeration {

    public static final int MAX_WORD_LENGTH = 64;

    private final ModerationMapper moderation;
    private final CommentMapper comments;
    private final AuditLog audit;
    private final CommentReadCache cache;
    private final LockRetry lockRetry;
    private final BusinessCalendar calendar;
    private final Clock clock;

    CommentModeration(ModerationMapper moderation, CommentMapper comments, AuditLog audit, CommentReadCache cache,
            LockRetry lockRetry, BusinessCalendar calendar, Clock clock) {
        this.moderation = moderation;
        this.comments = comments;
        this.audit = audit;
        this.cache = cache;
        this.lockRetry = lockRetry;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A tab of the queue, optionally one author's comments only. */
    public Paged<ModeratedComment> queue(ModerationFilter filter, Long authorId, int page, int size) {
        return Paged.fetch(page, size, (offset, limit) -> moderation.queue(filter, authorId, offset, limit),
                () -> moderation.count(filter, authorId));
    }

    public ModeratedComment require(long commentId) {
        ModeratedComment comment = moderation.find(commentId);
        if (comment == null) {
            throw ActionRefused.of("comment.not-found", "no comment " + commentId);
        }
        return comment;
    }

    /** Approved comments are shown to everyone. Returns how many changed. */
    public int approve(StaffActor actor, Collection<Long> commentIds) {
        return review(actor, commentIds, ModerationState.VISIBLE, null, "comment.approve");
    }

    /** Hidden comments are shown to nobody, not even their author, until approved. */
    public int hide(StaffActor actor, Collection<Long> commentIds, String reason) {
        return review(actor, commentIds, ModerationState.HIDDEN, reason == null || reason.isBlank() ? "hidden by staff"
                : reason.strip(), "comment.hide");
    }

    /** Soft delete: the row, its likes and its history stay, and {@link #restore} brings it back as it was. */
    public int delete(StaffActor actor, Collection<Long> commentIds) {
        return each(commentIds, (id, before) -> {
            if (before.deleted() || comments.deleteByStaff(id, actor.staffId(), clock.instant()) == 0) {
                return false;
            }
            audit.record(actor, "comment.delete", "comment", id, Map.of("deleted", false), Map.of("deleted", true));
            return true;
        });
    }

    public int restore(StaffActor actor, Collection<Long> commentIds) {
        return each(commentIds, (id, before) -> {
            if (!before.deleted() || moderation.restore(id) == 0) {
                return false;
            }
            audit.record(actor, "comment.restore", "comment", id, Map.of("deleted", true), Map.of("deleted", false));
            return true;
        });
    }

    private int review(StaffActor actor, Collection<Long> commentIds, ModerationState state, String reason,
            String action) {
        return each(commentIds, (id, before) -> {
            if (before.deleted() || before.moderationState() == state) {
                return false;
            }
            moderation.setState(id, state, reason);
            audit.record(actor, action, "comment", id, Map.of("state", before.moderationState()),
                    reason == null ? Map.of("state", state) : Map.of("state", state, "reason", reason));
            return true;
        });
    }

    /**
     * All of a bulk action or none: one transaction, so a failure half-way leaves every comment as it was. Each
     * comment is locked as it is read, in id order (so two bulk actions never lock in opposite orders): a second
     * moderator approving the same comment at the same moment sees it approved and changes nothing.
     */
    private int each(Collection<Long> commentIds, Change change) {
        if (commentIds.isEmpty()) {
            throw ActionRefused.of("comment.none-selected", "no comment selected");
        }
        Integer changed = lockRetry.inTransaction(status -> {
            int n = 0;
            for (long id : commentIds.stream().distinct().sorted().toList()) {
                ModeratedComment before = moderation.lock(id);
                if (before == null) {
                    throw ActionRefused.of("comment.not-found", "no comment " + id);
                }
                if (change.apply(id, before)) {
                    n++;
                }
            }
            return n;
        });
        if (changed != null && changed > 0) {
            // committed: lists show the change now, here and in every other process
            cache.invalidate();
        }
        return changed == null ? 0 : changed;
    }

    @FunctionalInterface
    private interface Change {
        boolean apply(long commentId, ModeratedComment before);
    }

    public List<SensitiveWord> sensitiveWords() {
        return moderation.words();
    }

    /** New words apply to comments posted from the filter's next reload on (30 s by default). */
    public void addSensitiveWord(StaffActor actor, String word) {
        String clean = word == null ? "" : word.strip();
        if (clean.isEmpty() || clean.length() > MAX_WORD_LENGTH) {
            throw ActionRefused.of("word.invalid", "a word has 1 to " + MAX_WORD_LENGTH + " characters");
        }
        lockRetry.inTransactionWithoutResult(status -> {
            try {
                moderation.insertWord(clean);
            } catch (DuplicateKeyException listed) {
                throw ActionRefused.of("word.duplicate", clean + " is listed already");
            }
            audit.record(actor, "word.add", "sensitive_word", clean, null, Map.of("word", clean));
        });
    }

    public void removeSensitiveWord(StaffActor actor, long wordId) {
        lockRetry.inTransactionWithoutResult(status -> {
            String word = moderation.word(wordId);
            if (word == null || moderation.deleteWord(wordId) == 0) {
                throw ActionRefused.of("word.not-found", "no sensitive word " + wordId);
            }
            audit.record(actor, "word.remove", "sensitive_word", word, Map.of("word", word), null);
        });
    }

    /** New comments per business day, from {@code from} to today. */
    public Map<LocalDate, Long> perDay(LocalDate from) {
        return calendar.perDaySince(from, moderation::perDay);
    }
}
