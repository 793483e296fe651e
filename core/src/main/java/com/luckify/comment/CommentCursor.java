package com.luckify.comment;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page starts. Newest first: below an id ({@code "123"}). Most liked: at an offset of a
 * ranking snapshot ({@code "s<token>.<offset>.<likes>_<id>"}, see {@link LikeRankSnapshots}), or below a
 * (likes, id) pair ({@code "<likes>_<id>"}) past a snapshot's end or when it is gone. Clients that only send
 * {@code lastId} continue below that comment's current (likes, id).
 */
record CommentCursor(String snapshot, int offset, Integer likes, long id) {

    static final CommentCursor TOP = new CommentCursor(null, 0, null, 0);

    private static final Pattern SNAPSHOT = Pattern.compile("s([0-9a-f]{32})\\.(\\d{1,4})\\.(\\d{1,9})_(\\d{1,18})");
    private static final Pattern LIKES = Pattern.compile("(\\d{1,9})_(\\d{1,18})");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    static CommentCursor parse(String cursor, long lastId, boolean mostLiked, CommentMapper comments) {
        if (cursor != null && !cursor.isBlank()) {
            return mostLiked ? parseMostLiked(cursor.trim()) : parseId(cursor.trim());
        }
        if (lastId <= 0) {
            return TOP;
        }
        if (!mostLiked) {
            return new CommentCursor(null, 0, null, lastId);
        }
        Comment last = comments.findLive(lastId);
        // a comment deleted since the client saw it: continue by id alone rather than fail the page
        return new CommentCursor(null, 0, last == null ? null : last.praiseCount(), lastId);
    }

    boolean isTop() {
        return snapshot == null && likes == null && id == 0;
    }

    static String newest(long lastId) {
        return Long.toString(lastId);
    }

    static String keyset(int likes, long id) {
        return likes + "_" + id;
    }

    static String inSnapshot(String token, int offset, RankedComment lastServed) {
        return "s" + token + "." + offset + "." + keyset(lastServed.praiseCount(), lastServed.id());
    }

    private static CommentCursor parseMostLiked(String cursor) {
        Matcher snapshot = SNAPSHOT.matcher(cursor);
        if (snapshot.matches()) {
            return new CommentCursor(snapshot.group(1), Integer.parseInt(snapshot.group(2)),
                    Integer.parseInt(snapshot.group(3)), Long.parseLong(snapshot.group(4)));
        }
        Matcher likes = LIKES.matcher(cursor);
        if (likes.matches()) {
            return new CommentCursor(null, 0, Integer.parseInt(likes.group(1)), Long.parseLong(likes.group(2)));
        }
        throw malformed();
    }

    private static CommentCursor parseId(String cursor) {
        if (!ID.matcher(cursor).matches()) {
            throw malformed();
        }
        return new CommentCursor(null, 0, null, Long.parseLong(cursor));
    }

    private static BusinessException malformed() {
        return new BusinessException(ErrorCode.REQUEST_PARAM_ERROR, ErrorCode.REQUEST_PARAM_ERROR.message()
                + ",field \"cursor\" is not a cursor this server gave");
    }
}
