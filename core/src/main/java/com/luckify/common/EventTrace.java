package com.luckify.common;

/**
 * The W3C trace context an outbox event was recorded in: its {@code traceparent} and {@code tracestate} headers,
 * kept with the event so that whichever process handles it, however late, continues the request's trace. Both
 * are null for an event recorded outside any span.
 */
public record EventTrace(String traceParent, String traceState) {

    public static final EventTrace NONE = new EventTrace(null, null);

    public boolean isPresent() {
        return traceParent != null;
    }
}
