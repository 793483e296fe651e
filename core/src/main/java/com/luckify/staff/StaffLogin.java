package com.luckify.staff;

/** The outcome of a password login; {@code account} is set only when it succeeded. */
public record StaffLogin(Outcome outcome, StaffAccount account) {

    public enum Outcome {
        SUCCESS,
        BAD_CREDENTIALS,
        LOCKED,
        DISABLED
    }

    static StaffLogin of(Outcome outcome) {
        return new StaffLogin(outcome, null);
    }
}
