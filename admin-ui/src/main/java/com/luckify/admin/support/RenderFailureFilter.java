package com.luckify.admin.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The last net under the console: a failure no handler turned into a page (a template that fails while it
 * renders escapes Spring MVC's exception handling) still answers with a message and a reference to the log,
 * never the API's JSON or a stack trace. Templates render into a buffer
 * ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing=false}), so nothing half-written has
 * left yet and the answer can be replaced.
 */
class RenderFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RenderFailureFilter.class);

    private final MessageSource messages;
    private final LocaleResolver locales;

    RenderFailureFilter(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/admin") || path.startsWith("/admin/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("admin console error {}", reference, failure);
            Locale locale = locales.resolveLocale(request);
            String text = HtmlUtils.htmlEscape(
                    messages.getMessage("error.unexpected", new Object[] {reference}, locale));
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType("text/html;charset=UTF-8");
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Retarget", "#flash");
                response.setHeader("HX-Reswap", "innerHTML");
                response.getWriter().write("<div class=\"flash error\" role=\"alert\">" + text + "</div>");
                return;
            }
            String back = HtmlUtils.htmlEscape(messages.getMessage("error.back", null, locale));
            String base = request.getContextPath();
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                    + "<meta charset=\"utf-8\"><title>Luckify</title>"
                    + "<link rel=\"stylesheet\" href=\"" + base + "/admin/assets/admin.css\"></head>"
                    + "<body><div class=\"content\"><div class=\"flash error\" role=\"alert\">" + text + "</div>"
                    + "<p><a href=\"" + base + "/admin\">" + back + "</a></p></div></body></html>");
        }
    }
}
