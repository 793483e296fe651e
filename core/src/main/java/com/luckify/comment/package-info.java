/**
 * Prize-show comments (晒单), their moderation and likes (点赞).
 * Public API: {@link com.luckify.comment.CommentService} and its records.
 */
package com.luckify.comment;
