package com.luckify.common;

/**
 * A staff action that the current state does not allow (publishing a lottery twice, unblocking a user who is
 * not blocked). The admin console shows it as a message; {@code messageKey} names the text in its bundles.
 * Kept apart from {@link ErrorCode}, which is the mini-program's contract.
 */
public class ActionRefused extends RuntimeException {

    private final String messageKey;

    private ActionRefused(String messageKey, String detail) {
        super(detail);
        this.messageKey = messageKey;
    }

    public static ActionRefused of(String messageKey, String detail) {
        return new ActionRefused(messageKey, detail);
    }

    public String messageKey() {
        return messageKey;
    }
}
