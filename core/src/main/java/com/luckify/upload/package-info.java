/**
 * Image uploads (prize pictures, avatars, sponsor QR codes). Public API: {@link com.luckify.upload.UploadService}
 * and {@link com.luckify.upload.StoredUpload}. Storage sits behind {@link com.luckify.upload.ObjectStorage}:
 * the local file system by default, any S3-compatible store by configuration.
 */
package com.luckify.upload;
