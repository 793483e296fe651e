package com.luckify.web.support;

import java.io.IOException;

/** Thrown while reading a request body that grew past the limit. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes", null);
    }
}
