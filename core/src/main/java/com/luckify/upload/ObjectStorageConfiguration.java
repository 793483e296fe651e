package com.luckify.upload;

import java.net.URI;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
class ObjectStorageConfiguration {

    @Bean
    ObjectStorage objectStorage(UploadProperties properties) {
        if (properties.storage() == UploadProperties.StorageType.LOCAL) {
            return new LocalObjectStorage(properties.local().dir(), properties.publicBaseUrl());
        }
        UploadProperties.S3 s3 = properties.s3();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // many S3-compatible stores reject the SDK's newer default request checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        return new S3ObjectStorage(builder.build(), s3.bucket(), publicBaseUrl(s3));
    }

    /** Where phones fetch objects: the configured CDN, else the bucket's own address. */
    static String publicBaseUrl(UploadProperties.S3 s3) {
        if (s3.publicBaseUrl() != null && !s3.publicBaseUrl().isBlank()) {
            return s3.publicBaseUrl();
        }
        if (s3.endpoint() == null || s3.endpoint().isBlank()) {
            return "https://" + s3.bucket() + ".s3." + s3.region() + ".amazonaws.com";
        }
        return s3.endpoint() + "/" + s3.bucket();
    }
}
