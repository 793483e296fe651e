package com.luckify.upload;

import java.io.InputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** A bucket of an S3-compatible store (AWS, MinIO, ...). */
class S3ObjectStorage implements ObjectStorage {

    private static final String PRIVATE = "private/";

    private final S3Client s3;
    private final String bucket;
    private final String publicBaseUrl;

    S3ObjectStorage(S3Client s3, String bucket, String publicBaseUrl) {
        this.s3 = s3;
        this.bucket = bucket;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build(),
                RequestBody.fromBytes(content));
    }

    @Override
    public void putPrivate(String key, byte[] content, String contentType) {
        put(PRIVATE + key, content, contentType);
    }

    @Override
    public InputStream openPrivate(String key) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(PRIVATE + key).build());
    }

    @Override
    public String publicUrl(String key) {
        return publicBaseUrl + "/" + key;
    }
}
