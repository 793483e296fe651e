package com.luckify.batch.draw;

import com.luckify.lottery.DrawPlan;
import com.luckify.lottery.LotteryDraws;

/**
 * The draw's plan, built once per job execution (a {@code @JobScope} bean, see {@link DrawJobConfiguration}) and
 * shared by the reader, the writer and {@code recordDraw}. A restart is a new execution and asks again, which
 * gives the same plan: nothing in it changes while the lottery is being drawn.
 */
class JobDrawPlan {

    private final DrawPlan plan;

    JobDrawPlan(LotteryDraws draws, long lotteryId) {
        this.plan = draws.plan(lotteryId);
    }

    public DrawPlan plan() {
        return plan;
    }
}
