package com.luckify.admin.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's MVC settings: the language (the browser's, until switched with {@code ?lang=zh|en}, then kept in
 * a cookie), {@code Vary: HX-Request} so a cached fragment is never shown as a page, and the staff argument.
 */
@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("luckify-admin-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookiePath("/admin");
        return resolver;
    }

    @Bean
    FilterRegistrationBean<RenderFailureFilter> renderFailureFilter(MessageSource messages,
            LocaleResolver localeResolver) {
        FilterRegistrationBean<RenderFailureFilter> registration =
                new FilterRegistrationBean<>(new RenderFailureFilter(messages, localeResolver));
        registration.addUrlPatterns("/admin", "/admin/*");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language).addPathPatterns("/admin/**", "/admin");
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.addHeader("Vary", "HX-Request");
                response.setHeader("Cache-Control", "no-store");
                return true;
            }
        }).addPathPatterns("/admin/**", "/admin");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentStaff());
    }
}
