package com.luckify.admin.support;

import com.luckify.common.ActionRefused;
import com.luckify.common.BusinessException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors as messages, never stack traces. A refused action shows its reason in the flash area (htmx swaps it
 * there, status 422); anything unexpected is logged with a reference the page shows, so support can find it.
 */
@ControllerAdvice(basePackages = "com.luckify.admin")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminExceptionHandler.class);

    private final MessageSource messages;

    AdminExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ActionRefused.class)
    String refused(ActionRefused refused, HtmxRequest htmx, Model model, HttpServletResponse response) {
        return message(messages.getMessage("refused." + refused.messageKey(), null, refused.getMessage(),
                LocaleContextHolder.getLocale()), htmx, model, response, 422);
    }

    @ExceptionHandler(BusinessException.class)
    String business(BusinessException refused, HtmxRequest htmx, Model model, HttpServletResponse response) {
        return message(messages.getMessage("error." + refused.errorCode().code(), null, refused.errorCode().message(),
                LocaleContextHolder.getLocale()), htmx, model, response, 422);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HtmxRequest htmx, Model model, HttpServletResponse response) {
        return message(messages.getMessage("error.forbidden", null, LocaleContextHolder.getLocale()), htmx, model,
                response, 403);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String notFound(HtmxRequest htmx, Model model, HttpServletResponse response) {
        return message(messages.getMessage("error.not-found", null, LocaleContextHolder.getLocale()), htmx, model,
                response, 404);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HtmxRequest htmx, Model model, HttpServletResponse response) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("admin console error {}", reference, e);
        return message(messages.getMessage("error.unexpected", new Object[] {reference}, LocaleContextHolder.getLocale()),
                htmx, model, response, 500);
    }

    private static String message(String text, HtmxRequest htmx, Model model, HttpServletResponse response, int status) {
        response.setStatus(status);
        model.addAttribute("errorMessage", text);
        if (htmx.isHtmxRequest()) {
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
            return "admin/error :: flash";
        }
        return "admin/error";
    }
}
