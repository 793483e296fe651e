package com.luckify.web.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code luckify.api.body.*}: how large a JSON body may be. The original's go-zero limit was 1 MiB; the
 * base64 upload endpoint needs room for an image of {@code luckify.upload.max-size} plus a third.
 */
@ConfigurationProperties("luckify.api.body")
public record ApiBodyProperties(
        @DefaultValue("1MB") DataSize maxJson,
        @DefaultValue("8MB") DataSize maxJsonUpload) {
}
