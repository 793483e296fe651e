package com.luckify.web.support;

import com.luckify.common.ErrorCode;

/** The error envelope: {@code {"code":N,"msg":"..."}}, without a {@code data} key, as the original sends it. */
public record ApiError(int code, String msg) {

    public static ApiError of(ErrorCode errorCode) {
        return new ApiError(errorCode.code(), errorCode.message());
    }

    /** A 100002 parameter error, worded like go-zero's so clients that show it read the same. */
    public static ApiError badParameter(String detail) {
        return new ApiError(ErrorCode.REQUEST_PARAM_ERROR.code(), ErrorCode.REQUEST_PARAM_ERROR.message() + "," + detail);
    }
}
