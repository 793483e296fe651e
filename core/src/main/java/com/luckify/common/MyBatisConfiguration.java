package com.luckify.common;

import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How MyBatis builds our row objects; the rest of its settings are properties under {@code mybatis.*}. */
@Configuration(proxyBeanMethods = false)
class MyBatisConfiguration {

    @Bean
    ConfigurationCustomizer accessibleRowConstructors() {
        return configuration -> configuration.setObjectFactory(new AccessibleObjectFactory());
    }
}
