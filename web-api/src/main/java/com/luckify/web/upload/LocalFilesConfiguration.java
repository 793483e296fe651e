package com.luckify.web.upload;

import com.luckify.upload.UploadProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves locally stored uploads at {@code /files/**}. Spring's resource handling refuses {@code ..} and
 * encoded traversal, and only files under the upload directory can be reached.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "luckify.upload.storage", havingValue = "local", matchIfMissing = true)
class LocalFilesConfiguration implements WebMvcConfigurer {

    private final UploadProperties properties;

    LocalFilesConfiguration(UploadProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String location = properties.local().dir().toAbsolutePath().normalize().toUri().toString();
        registry.addResourceHandler("/files/**")
                .addResourceLocations(location.endsWith("/") ? location : location + "/");
    }
}
