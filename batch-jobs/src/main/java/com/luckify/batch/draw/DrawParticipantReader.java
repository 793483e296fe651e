package com.luckify.batch.draw;

import com.luckify.draw.Entrant;
import com.luckify.lottery.DrawPlan;
import com.luckify.lottery.LotteryDraws;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a lottery's participants in user id order, a page at a time (keyset, never an offset), and saves the
 * last user id it handed out, so a restarted step goes on right after the last committed chunk.
 */
class DrawParticipantReader implements ItemStreamReader<Entrant> {

    private final LotteryDraws draws;
    private final DrawPlan plan;
    private final int pageSize;
    private final Deque<Entrant> page = new ArrayDeque<>();
    private long afterUserId;
    private boolean exhausted;

    DrawParticipantReader(LotteryDraws draws, DrawPlan plan, int pageSize) {
        this.draws = draws;
        this.plan = plan;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        afterUserId = context.getLong(DrawKeys.AFTER_USER_ID, 0L);
    }

    @Override
    public Entrant read() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(draws.entrantsAfter(plan, afterUserId, pageSize));
            exhausted = page.size() < pageSize;
        }
        Entrant next = page.poll();
        if (next != null) {
            afterUserId = next.userId();
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(DrawKeys.AFTER_USER_ID, afterUserId);
    }
}
