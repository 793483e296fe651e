package com.luckify.comment;

import com.luckify.user.PublicUser;

/** A comment in a list: with its (masked) author and whether the viewer liked it. */
public record CommentItem(Comment comment, PublicUser author, boolean praised) {
}
