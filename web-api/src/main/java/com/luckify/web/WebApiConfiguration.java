package com.luckify.web;

import com.luckify.common.ConditionalOnRole;
import com.luckify.common.Role;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything of the mini-program API, loaded only for the {@code api} role. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.API)
@ComponentScan
@ConfigurationPropertiesScan
public class WebApiConfiguration {
}
