package com.luckify.upload;

/** A file that was stored and recorded; {@code url} is what clients fetch it from. */
public record StoredUpload(long id, String objectKey, String url, String contentType, long size) {
}
