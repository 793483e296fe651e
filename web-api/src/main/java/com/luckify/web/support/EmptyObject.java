package com.luckify.web.support;

/** Serialises as {@code {}}, the original's answer for endpoints without a payload. */
public record EmptyObject() {

    public static final EmptyObject INSTANCE = new EmptyObject();
}
