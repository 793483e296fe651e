package com.luckify.common;

/**
 * Thrown by a handler that cannot act yet but will be able to later (the job it would start is still running
 * elsewhere): the delivery stays undone and comes again after the redelivery delay, without counting as a failed
 * attempt.
 */
public class EventDeferredException extends RuntimeException {

    public EventDeferredException(String reason) {
        super(reason);
    }
}
