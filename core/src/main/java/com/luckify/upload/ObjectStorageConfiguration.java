package com.luckify.upload;

import com.luckify.common.Role;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
class ObjectStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorageConfiguration.class);

    @Bean
    ObjectStorage objectStorage(UploadProperties properties, Environment environment) {
        if (properties.storage() == UploadProperties.StorageType.LOCAL) {
            warnWhenOneOfSeveral(environment, properties.local().dir());
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

    /**
     * A process that runs only some of the roles is one of several, and a local directory is one machine's: an
     * upload made through one replica would be missing on the others, and a report archived by the batch process
     * missing in the console. (A single process with every role is the one set-up where local storage is enough.)
     */
    private static void warnWhenOneOfSeveral(Environment environment, Path dir) {
        String[] roles = Binder.get(environment).bind("luckify.roles", String[].class).orElse(null);
        if (roles != null && roles.length < Role.values().length) {
            log.warn("Uploads and report archives are kept in the local directory {} while this process runs the roles {}: "
                    + "with several processes set luckify.upload.storage=s3 (LUCKIFY_UPLOAD_STORAGE), or give every "
                    + "process the same shared directory", dir.toAbsolutePath(), String.join(",", roles));
        }
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
