package com.luckify.batch.draw;

import com.luckify.draw.Candidate;
import com.luckify.draw.DrawAlgorithm;
import com.luckify.draw.Entrant;
import com.luckify.draw.ParticipantDigest;
import com.luckify.draw.WinnerSelection;
import com.luckify.lottery.DrawPlan;
import com.luckify.lottery.LotteryDraws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Gives each page of participants their keys and keeps those who may win as candidates in the database
 * ({@code draw_candidate}, in the chunk's transaction), where {@code recordDraw} ranks them; feeds the participant
 * digest. Its state in the execution context is the participant count and the digest's: a few hundred bytes
 * however many participants and prize units there are.
 * <p>
 * With few prize units (at most {@value #SELECTION_IN_MEMORY}) it also keeps the best K in memory
 * ({@link WinnerSelection}) and writes only participants who enter them: one who does not can never win. That
 * keeps the common draw (a few prizes, many participants) from writing every participant; it is rebuilt from the
 * kept candidates when the step starts again. Past that many units it writes everyone, and memory stays flat.
 */
class DrawSelectionWriter implements ItemStreamWriter<List<Entrant>> {

    /** Units up to which the writer skips participants who cannot win (a few hundred kilobytes of memory). */
    static final int SELECTION_IN_MEMORY = 10_000;

    private final LotteryDraws draws;
    private final DrawPlan plan;
    private final DrawAlgorithm algorithm;
    private WinnerSelection selection;
    private ParticipantDigest digest;
    private long participants;

    DrawSelectionWriter(LotteryDraws draws, DrawPlan plan) {
        this.draws = draws;
        this.plan = plan;
        this.algorithm = new DrawAlgorithm(plan.seed());
    }

    @Override
    public void open(ExecutionContext context) {
        selection = null;
        if (plan.units() <= SELECTION_IN_MEMORY) {
            int places = (int) plan.units();
            selection = new WinnerSelection(algorithm, places);
            draws.bestCandidates(plan.lotteryId(), places)
                    .forEach(kept -> selection.offer(new Entrant(kept.userId(), kept.weight())));
        }
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
            List<Candidate> candidates = new ArrayList<>(selection == null ? page.size() : 0);
            for (Entrant entrant : page) {
                digest.add(entrant);
                participants++;
                if (selection == null || selection.offer(entrant)) {
                    candidates.add(new Candidate(entrant.userId(), entrant.weight(), algorithm.sortableKey(entrant)));
                }
            }
            draws.keepCandidates(plan.lotteryId(), candidates);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        ParticipantDigest.State state = digest.state();
        CommittedContext.put(context, Map.of(DrawKeys.PARTICIPANTS, participants,
                DrawKeys.DIGEST_CHAIN, state.chainHex(),
                DrawKeys.DIGEST_PENDING, state.pending(),
                DrawKeys.DIGEST_PENDING_LINES, state.pendingLines(),
                DrawKeys.DIGEST_LAST_USER_ID, state.lastUserId()));
    }
}
