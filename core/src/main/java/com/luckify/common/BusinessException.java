package com.luckify.common;

/**
 * A refusal the client should see with its own code. The message is the code's message unless a more
 * precise one is given; it is shown to users, so it never carries internals.
 */
public class BusinessException extends RuntimeException {

    private final ErrorCode errorCode;

    public BusinessException(ErrorCode errorCode) {
        this(errorCode, errorCode.message());
    }

    public BusinessException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public static BusinessException of(ErrorCode errorCode) {
        return new BusinessException(errorCode);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
