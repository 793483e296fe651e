package com.luckify.notification;

/** What became of a notice. */
public enum Delivery {
    /** WeChat accepted it. */
    SENT,
    /** This user already had this notice (this run, an earlier run, or another process): nothing sent. */
    ALREADY_NOTIFIED,
    /** It cannot be sent to this user (no WeChat openid, no consent, no template): recorded, not retried. */
    NOT_SENDABLE,
    /** Every attempt failed: parked in the dead-letter store for a person to retry. */
    DEAD
}
