package com.luckify.batch.draw;

import com.luckify.batch.support.KeysetReader;
import com.luckify.draw.Entrant;
import com.luckify.lottery.DrawPlan;
import com.luckify.lottery.LotteryDraws;

/**
 * A lottery's participants in user id order, a page at a time, remembering the last user id handed out, so a
 * restarted draw goes on right after its last committed chunk.
 */
class DrawParticipantReader extends KeysetReader<Entrant> {

    DrawParticipantReader(LotteryDraws draws, DrawPlan plan, int pageSize) {
        super("draw.participants", (afterUserId, limit) -> draws.entrantsAfter(plan, afterUserId, limit), Entrant::userId,
                pageSize);
    }
}
