package com.luckify.checkin;

/**
 * A task as one user sees it in the current period: state 0 not finished, 1 finished and claimable,
 * 2 rewarded; {@code count}/{@code needCount} for counted tasks, -1/-1 for tasks done in one step.
 */
public record TaskView(long id, int type, String content, int integral, String path, int state, int count,
        int needCount) {
}
