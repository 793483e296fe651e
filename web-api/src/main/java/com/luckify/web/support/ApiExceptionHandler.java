package com.luckify.web.support;

import com.luckify.common.BusinessException;
import com.luckify.common.BusinessMetrics;
import com.luckify.common.ErrorCode;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into the contract's envelope. Clients see a code and a message, never a stack
 * trace, SQL or class name: unexpected failures are logged here and answered with 100001.
 */
@RestControllerAdvice
// after the admin console's own handler, which applies to its controllers only
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final BusinessMetrics metrics;

    ApiExceptionHandler(BusinessMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ApiError> business(BusinessException e) {
        if (e.errorCode() == ErrorCode.SERVICE_BUSY) {
            metrics.busy("service");
        }
        HttpStatus status = switch (e.errorCode()) {
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            // WeChat could not verify a phone number now: a dependency's trouble, not the caller's mistake
            case SERVICE_BUSY, WECHAT_PHONE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            // a session past its maximum age: the client logs in again, as for any dead token
            case TOKEN_INVALID -> HttpStatus.UNAUTHORIZED;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new ApiError(e.errorCode().code(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        // report one field, deterministically: the first by name, as a client fixes them one at a time anyway
        FieldError first = e.getBindingResult().getFieldErrors().stream()
                .min(Comparator.comparing(FieldError::getField))
                .orElse(null);
        String detail = first == null ? "request body is invalid"
                // a query parameter that does not convert carries Spring's own text, which names our types
                : "field \"" + first.getField() + "\" " + (first.isBindingFailure() ? "has the wrong type"
                        : first.getDefaultMessage());
        return badRequest(ApiError.badParameter(detail));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> "field \"" + lastNode(v.getPropertyPath().toString()) + "\" " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest(ApiError.badParameter(detail));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return badRequest(ApiError.badParameter(describe(e.getMostSpecificCause())));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<ApiError> badQuery(Exception e) {
        String name;
        if (e instanceof MissingServletRequestParameterException missing) {
            name = "field \"" + missing.getParameterName() + "\" is not set";
        } else if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            name = "field \"" + mismatch.getName() + "\" has the wrong type";
        } else {
            name = "field \"" + ((MissingServletRequestPartException) e).getRequestPartName() + "\" is not set";
        }
        return badRequest(ApiError.badParameter(name));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> uploadTooLarge() {
        return badRequest(ApiError.of(ErrorCode.UPLOAD_TOO_LARGE));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badMultipart() {
        return badRequest(ApiError.badParameter("multipart body is malformed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType() {
        return badRequest(ApiError.badParameter("unsupported Content-Type"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiError.of(ErrorCode.METHOD_NOT_ALLOWED));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of(ErrorCode.NOT_FOUND));
    }

    /**
     * Also a transaction that could not begin because no connection to MySQL could be had (MySQL restarting, the
     * pool's wait ran out): the user sees "database busy, try again later", not an unexplained failure.
     */
    @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<ApiError> database(Exception e) {
        log.error("database failure", e);
        metrics.busy("database");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(ErrorCode.DB_ERROR));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(ErrorCode.SERVER_ERROR));
    }

    private static ResponseEntity<ApiError> badRequest(ApiError error) {
        return ResponseEntity.badRequest().body(error);
    }

    /** Names the offending field in go-zero's words; never echoes Jackson's text, which names our classes. */
    private static String describe(Throwable cause) {
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "field \"" + path(mismatch) + "\" has the wrong type";
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "field \"" + path(databind) + "\" is invalid";
        }
        if (cause instanceof StreamReadException) {
            return "request body is not valid JSON";
        }
        if (cause instanceof MismatchedInputException) {
            return "request body must be a JSON object";
        }
        if (cause instanceof JacksonException) {
            return "request body is not valid JSON";
        }
        return "request body is unreadable";
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }
}
