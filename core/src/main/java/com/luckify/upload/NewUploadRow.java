package com.luckify.upload;

/** Insert target; MyBatis writes the generated key back into {@code id}. */
final class NewUploadRow {

    Long id;
    final long userId;
    final String fileName;
    final String ext;
    final long size;
    final String contentType;
    final String objectKey;
    final String url;

    NewUploadRow(long userId, String fileName, String ext, long size, String contentType, String objectKey,
            String url) {
        this.userId = userId;
        this.fileName = fileName;
        this.ext = ext;
        this.size = size;
        this.contentType = contentType;
        this.objectKey = objectKey;
        this.url = url;
    }
}
