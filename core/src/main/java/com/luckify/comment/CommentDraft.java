package com.luckify.comment;

/** What an author writes: the prize shown ("" = the prize won), the text, the pictures (comma-separated URLs). */
public record CommentDraft(String prizeName, String content, String pics) {
}
