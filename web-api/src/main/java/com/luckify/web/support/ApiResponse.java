package com.luckify.web.support;

/** The success envelope: HTTP 200 {@code {"code":200,"msg":"OK","data":...}}. */
public record ApiResponse<T>(int code, String msg, T data) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(200, "OK", data);
    }
}
