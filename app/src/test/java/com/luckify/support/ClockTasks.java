package com.luckify.support;

import com.luckify.support.ApiClient.Response;

/** A lottery's clock task done as the mini-program does it: start it, wait its seconds, redeem the ticket. */
public final class ClockTasks {

    public static final String START = "/lottery/v1/lottery/startClockTask";
    public static final String COMPLETE = "/lottery/v1/lottery/completeClockTask";

    private ClockTasks() {
    }

    /** Starts the task; its answer carries the ticket and redeemableAt. */
    public static Response start(ApiClient api, String token, long lotteryId) {
        return api.post(START, "{\"lotteryId\":" + lotteryId + "}", token);
    }

    /** The ticket of a start that must succeed. */
    public static String ticket(ApiClient api, String token, long lotteryId) {
        Response started = start(api, token, lotteryId);
        if (started.code() != 200) {
            throw new AssertionError("startClockTask failed: " + started);
        }
        return started.data().path("ticket").asString();
    }

    public static Response complete(ApiClient api, String token, long lotteryId, String ticket) {
        return api.post(COMPLETE, "{\"lotteryId\":" + lotteryId + ",\"ticket\":\"" + ticket + "\"}", token);
    }

    /** Start and redeem at once: for tasks of 0 seconds, which are due when started. */
    public static Response startAndComplete(ApiClient api, String token, long lotteryId) {
        return complete(api, token, lotteryId, ticket(api, token, lotteryId));
    }
}
