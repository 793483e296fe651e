package com.luckify.batch.draw;

import com.luckify.draw.Entrant;
import com.luckify.lottery.DrawPlan;
import com.luckify.lottery.LotteryDraws;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A lottery's participants in user id order, a whole page per item (keyset: {@code user_id > last}): Batch's
 * per-item bookkeeping then costs once a page, not once a participant. The last user id handed out is saved
 * at every chunk commit (and only if it commits: {@link CommittedContext}), so a restarted draw goes on right
 * after its last committed page.
 */
class DrawParticipantReader implements ItemStreamReader<List<Entrant>> {

    private static final String AFTER = "draw.participants.afterUserId";

    private final LotteryDraws draws;
    private final DrawPlan plan;
    private final int pageSize;
    private long afterUserId;
    private boolean exhausted;

    DrawParticipantReader(LotteryDraws draws, DrawPlan plan, int pageSize) {
        this.draws = draws;
        this.plan = plan;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        afterUserId = context.getLong(AFTER, 0L);
        exhausted = false;
    }

    @Override
    public List<Entrant> read() {
        if (exhausted) {
            return null;
        }
        List<Entrant> page = draws.entrantsAfter(plan, afterUserId, pageSize);
        exhausted = page.size() < pageSize;
        if (page.isEmpty()) {
            return null;
        }
        afterUserId = page.get(page.size() - 1).userId();
        return page;
    }

    @Override
    public void update(ExecutionContext context) {
        CommittedContext.put(context, Map.of(AFTER, afterUserId));
    }
}
