package com.luckify.upload;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code luckify.upload.*}: the size limit, and which storage to use. {@code public-base-url} is the address
 * phones reach (a CDN or the API's own host), never an internal endpoint.
 */
@ConfigurationProperties("luckify.upload")
public record UploadProperties(
        @DefaultValue("5MB") DataSize maxSize,
        @DefaultValue("local") StorageType storage,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue Local local,
        @DefaultValue S3 s3) {

    public enum StorageType { LOCAL, S3 }

    /** Files under {@code dir}, served back by the API at {@code /files/**}. */
    public record Local(@DefaultValue("var/uploads") Path dir) {
    }

    /**
     * An S3-compatible bucket. Credentials come from the AWS default chain (environment variables
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profiles, instance roles), never from files here.
     */
    public record S3(
            String endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("luckify") String bucket,
            @DefaultValue("true") boolean pathStyle,
            String publicBaseUrl) {
    }
}
