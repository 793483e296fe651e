package com.luckify.web.support;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

    /** The path prefixes of the mini-program API (one per service of the original). */
    static final List<String> API_PATHS = List.of("/usercenter/*", "/upload/*", "/lottery/*", "/comment/*", "/checkin/*");

    @Bean
    FilterRegistrationBean<JsonBodyFilter> jsonBodyFilter(ApiBodyProperties limits) {
        FilterRegistrationBean<JsonBodyFilter> registration = new FilterRegistrationBean<>(new JsonBodyFilter(limits));
        registration.setUrlPatterns(API_PATHS);
        // before Spring Security, so a refused body costs no token check and an oversized one is never buffered twice
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<DatabaseFailureFilter> databaseFailureFilter() {
        FilterRegistrationBean<DatabaseFailureFilter> registration = new FilterRegistrationBean<>(new DatabaseFailureFilter());
        registration.setUrlPatterns(API_PATHS);
        // around Spring Security, whose token checks read MySQL
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * Numbers must be JSON numbers and integers must be integral, as go-zero required: {@code "5"} or
     * {@code 1.5} for an int is a 100002, not a silent conversion. Strings still accept numbers, because
     * clients send {@code sex} both ways.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}
