package com.luckify.batch.draw;

/** Names in the draw job's execution contexts: what survives a crash between chunks. */
final class DrawKeys {

    static final String LOTTERY_ID = "lotteryId";
    static final String PARTICIPANTS = "draw.participants";
    static final String DIGEST_CHAIN = "draw.digest.chain";
    static final String DIGEST_PENDING = "draw.digest.pending";
    static final String DIGEST_PENDING_LINES = "draw.digest.pendingLines";
    static final String DIGEST_LAST_USER_ID = "draw.digest.lastUserId";

    /** The writer's keys, promoted from the selection step to the job for the recording step. */
    static final String[] PROMOTED = {PARTICIPANTS, DIGEST_CHAIN, DIGEST_PENDING, DIGEST_PENDING_LINES,
            DIGEST_LAST_USER_ID};

    private DrawKeys() {
    }
}
