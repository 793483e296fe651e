package com.luckify.batch.draw;

import com.luckify.draw.DrawAlgorithm;
import com.luckify.draw.Entrant;
import com.luckify.draw.ParticipantDigest;
import com.luckify.draw.WinnerSelection;
import com.luckify.lottery.DrawPlan;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Feeds each page of participants to the selection (the best K so far, K = prize units) and the digest,
 * writing nothing to the database; its whole state, O(K), goes into the step's execution context at every
 * chunk commit, so a restart resumes exactly where the last committed chunk left off.
 */
class DrawSelectionWriter implements ItemStreamWriter<List<Entrant>> {

    private final DrawPlan plan;
    private WinnerSelection selection;
    private ParticipantDigest digest;
    private long participants;

    DrawSelectionWriter(DrawPlan plan) {
        this.plan = plan;
    }

    @Override
    public void open(ExecutionContext context) {
        selection = new WinnerSelection(new DrawAlgorithm(plan.seed()), plan.units().size());
        decode(context.getString(DrawKeys.SELECTED, "")).forEach(selection::offer);
        participants = context.getLong(DrawKeys.PARTICIPANTS, 0L);
        digest = context.containsKey(DrawKeys.DIGEST_CHAIN)
                ? ParticipantDigest.resume(new ParticipantDigest.State(context.getString(DrawKeys.DIGEST_CHAIN),
                        context.getString(DrawKeys.DIGEST_PENDING), context.getInt(DrawKeys.DIGEST_PENDING_LINES),
                        context.getLong(DrawKeys.DIGEST_LAST_USER_ID)))
                : new ParticipantDigest();
    }

    @Override
    public void write(Chunk<? extends List<Entrant>> pages) {
        for (List<Entrant> page : pages) {
            for (Entrant entrant : page) {
                digest.add(entrant);
                selection.offer(entrant);
                participants++;
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(DrawKeys.SELECTED, encode(selection.state()));
        context.putLong(DrawKeys.PARTICIPANTS, participants);
        ParticipantDigest.State state = digest.state();
        context.putString(DrawKeys.DIGEST_CHAIN, state.chainHex());
        context.putString(DrawKeys.DIGEST_PENDING, state.pending());
        context.putInt(DrawKeys.DIGEST_PENDING_LINES, state.pendingLines());
        context.putLong(DrawKeys.DIGEST_LAST_USER_ID, state.lastUserId());
    }

    /** {@code userId:weight} pairs, comma-separated, best first. */
    static String encode(List<Entrant> entrants) {
        StringBuilder text = new StringBuilder();
        for (Entrant entrant : entrants) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(entrant.userId()).append(':').append(entrant.weight());
        }
        return text.toString();
    }

    static List<Entrant> decode(String text) {
        List<Entrant> entrants = new ArrayList<>();
        if (text.isEmpty()) {
            return entrants;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            entrants.add(new Entrant(Long.parseLong(pair.substring(0, colon)), Integer.parseInt(pair.substring(colon + 1))));
        }
        return entrants;
    }
}
