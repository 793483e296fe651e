package com.luckify.lottery;

import com.luckify.common.AfterCommit;
import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.Outbox;
import com.luckify.draw.Awards;
import com.luckify.draw.Candidate;
import com.luckify.draw.DrawAlgorithm;
import com.luckify.draw.Entrant;
import com.luckify.draw.PrizePlaces;
import com.luckify.draw.PrizeRun;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lottery side of scheduled draws (announce types 1 and 2), for the draw job: which lotteries are due,
 * what a draw needs, the participants in chunks, the candidates (participants who may win, with their keys) kept
 * in {@code draw_candidate}, and the one transaction that ranks them there and records the result. Nothing here
 * holds more than a page of participants or candidates in memory. The keys are {@link com.luckify.draw}'s pure
 * algorithm.
 */
@Service
public class LotteryDraws {

    private static final Logger log = LoggerFactory.getLogger(LotteryDraws.class);
    /** Candidates awarded per statement: bounded statements, whatever the number of winners. */
    private static final int AWARD_PAGE = 10_000;
    /** Candidates removed per statement (each in a transaction of its own). */
    private static final int DISCARD_PAGE = 10_000;

    private final DrawMapper draws;
    private final LotteryMapper lotteries;
    private final LotteryService lotteryService;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;
    private final Clock clock;
    private final DrawSeeds seeds;

    LotteryDraws(DrawMapper draws, LotteryMapper lotteries, LotteryService lotteryService, Outbox outbox,
            TransactionTemplate tx, Clock clock, DrawSeeds seeds) {
        this.draws = draws;
        this.seeds = seeds;
        this.lotteries = lotteries;
        this.lotteryService = lotteryService;
        this.outbox = outbox;
        this.tx = tx;
        this.ownTx = new TransactionTemplate(tx.getTransactionManager());
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Lotteries whose draw is due now, oldest first. */
    public List<Long> due(int limit) {
        return draws.due(clock.instant(), limit);
    }

    /**
     * Marks a due draw as being drawn by this job execution; false when the lottery must not be drawn (not
     * found, unpublished, instant, cancelled, already drawn, or not due yet).
     */
    public boolean begin(long lotteryId, long jobExecutionId) {
        DrawMapper.DrawTarget target = draws.target(lotteryId);
        Instant now = clock.instant();
        if (target == null || target.publishTime() == null || target.announceType() == AnnounceType.INSTANT
                || target.cancelledAt() != null || target.isAnnounced() == 1 || "DRAWN".equals(target.drawState())) {
            log.info("lottery {} is not to be drawn", lotteryId);
            return false;
        }
        boolean due = !target.announceTime().isAfter(now) || target.announceType() == AnnounceType.BY_PARTICIPANTS
                && target.participantCount() >= target.joinNumber();
        if (!due || !Boolean.TRUE.equals(tx.execute(status -> draws.lockLottery(lotteryId) != null
                && draws.markDrawing(lotteryId, jobExecutionId) == 1))) {
            log.info("lottery {} is not due for its draw", lotteryId);
            return false;
        }
        return true;
    }

    /**
     * The plan of a draw that has begun: a run of units per prize (its stock left), so its size is the number
     * of prizes, not of units. It is the same every time it is asked for until the draw is recorded (seed,
     * prize stock and clock task do not change meanwhile), so a restarted job can ask again instead of
     * carrying it.
     */
    public DrawPlan plan(long lotteryId) {
        DrawMapper.DrawTarget target = draws.target(lotteryId);
        if (target == null) {
            throw new IllegalArgumentException("no lottery " + lotteryId);
        }
        List<PrizeRun> prizes = lotteries.findPrizes(lotteryId).stream()
                .map(prize -> new PrizeRun(prize.id(), prize.level(), prize.stock())).toList();
        byte[] seed = seeds.open(lotteryId, target.seed(), target.seedKeyId(), target.sealedSeed());
        return new DrawPlan(lotteryId, seed, prizes, clockTaskWeight(lotteryId));
    }

    /**
     * The participant list a drawn lottery's draw saw, with weights, in user id order: with the revealed seed
     * and the prizes it is all anyone needs to recompute the winners ({@code DrawVerifier}). Refused with
     * {@link ErrorCode#LOTTERY_NOT_DRAWN} before the draw (the list is still changing then).
     */
    public List<Entrant> drawnParticipants(long lotteryId, long afterUserId, int limit) {
        DrawMapper.DrawTarget target = draws.target(lotteryId);
        if (target == null || target.publishTime() == null) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_FOUND);
        }
        if (!"DRAWN".equals(target.drawState())) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_DRAWN);
        }
        int size = Math.max(0, Math.min(limit, ListQuery.MAX_SIZE * 10));
        return size == 0 ? List.of() : draws.drawnEntrants(lotteryId, Math.max(afterUserId, 0), size);
    }

    /** Participants of a drawn lottery after {@code afterUserId}, with what they won: for the result notices. */
    public List<DrawResult> resultsAfter(long lotteryId, long afterUserId, int limit) {
        return draws.resultsAfter(lotteryId, afterUserId, limit);
    }

    /** The lottery's name, for notices about it. */
    public String nameOf(long lotteryId) {
        Lottery lottery = lotteries.findLottery(lotteryId);
        return lottery == null ? "" : lottery.name();
    }

    /** Prizes of drawn lotteries after {@code afterPrizeId}, with their stock and winners: for reconciliation. */
    public List<PrizeTally> drawnPrizesAfter(long afterPrizeId, int limit) {
        return draws.drawnPrizesAfter(afterPrizeId, limit);
    }

    /** Up to {@code limit} participants after {@code afterUserId}, in user id order, with their weights. */
    public List<Entrant> entrantsAfter(DrawPlan plan, long afterUserId, int limit) {
        return draws.entrantsAfter(plan.lotteryId(), afterUserId, limit, plan.clockTaskWeight());
    }

    /**
     * Keeps participants who may win, with their keys, until the draw is recorded; in the caller's transaction
     * (the draw job's chunk), so they are kept exactly when the reader's position is. Writing a participant
     * again (a page read again after a rollback) replaces the row.
     */
    public void keepCandidates(long lotteryId, List<Candidate> candidates) {
        if (!candidates.isEmpty()) {
            draws.keepCandidates(lotteryId, candidates);
        }
    }

    /** The best {@code limit} candidates kept so far, best first (higher key, then lower user id). */
    public List<Candidate> bestCandidates(long lotteryId, int limit) {
        return draws.bestCandidates(lotteryId, limit);
    }

    /**
     * Records the result in one transaction: ranks the kept candidates (best key first, lower user id on equal
     * keys) and awards the first {@code min(units, participants)} of them, the prizes' runs in level order
     * ({@link #award}); takes the prizes' stock, announces the lottery, records the draw with everything needed
     * to recompute it and a {@code DrawCompleted} event. Returns false when the draw had already been recorded
     * (by an earlier run of the same job), changing nothing. The candidates are removed once the transaction has
     * committed.
     */
    public boolean complete(DrawPlan plan, int participants, String digest, long jobExecutionId) {
        long lotteryId = plan.lotteryId();
        int winners = (int) Math.min(plan.units(), participants);
        Boolean recorded = tx.execute(status -> {
            Instant now = clock.instant();
            if (draws.markDrawn(lotteryId, plan.seed(), DrawAlgorithm.NAME, DrawAlgorithm.VERSION, participants, digest, winners,
                    jobExecutionId, now) == 0) {
                return false;
            }
            List<PrizePlaces> places = Awards.places(plan.prizes(), winners);
            award(lotteryId, places, winners);
            for (PrizePlaces prize : places) {
                if (draws.takeStock(lotteryId, prize.prizeId(), (int) prize.units()) != 1) {
                    throw new IllegalStateException("prize " + prize.prizeId() + " has fewer than " + prize.units()
                            + " units left");
                }
            }
            if (plan.clockTaskWeight() > 1) {
                draws.recordClockTaskWeights(lotteryId, plan.clockTaskWeight());
            }
            draws.announce(lotteryId, now);
            // counts only: the winners are in lottery_participation, and an event of a million ids would not fit
            // a message (or a reader's memory)
            outbox.record("DrawCompleted", "lottery", lotteryId, Map.of("lotteryId", lotteryId, "participants",
                    participants, "winners", winners));
            return true;
        });
        AfterCommit.run(() -> {
            // caches are told after the commit, or a reader could cache the lottery as it was once more
            lotteryService.changed(lotteryId);
            discardCandidatesQuietly(lotteryId);
        });
        return Boolean.TRUE.equals(recorded);
    }

    /**
     * Removes a draw's candidates, a page per transaction of its own (it runs after the draw's commit, when the
     * draw's transaction can take no more writes); returns how many.
     */
    public long discardCandidates(long lotteryId) {
        long removed = 0;
        int page;
        do {
            page = ownTx.execute(status -> draws.discardCandidates(lotteryId, DISCARD_PAGE));
            removed += page;
        } while (page == DISCARD_PAGE);
        return removed;
    }

    /**
     * Removes the candidates left behind by draws that are over (a process that died between recording a draw
     * and removing them); returns the number of lotteries tidied. A draw under way ({@code DRAWING}) keeps its.
     */
    public int discardLeftoverCandidates() {
        List<Long> leftovers = draws.leftoverCandidateLotteries(100);
        leftovers.forEach(this::discardCandidates);
        return leftovers.size();
    }

    /**
     * Awards the places in the database, without holding candidates in memory. First the last candidate of each
     * prize's places is found (one sort of the candidates, in the database). Then the candidates are awarded in
     * user id order, a page per statement, each with the prize of the first boundary it does not rank after: in
     * user id order both tables are read and written in their own order, where rank order would touch the
     * entries at random.
     */
    private void award(long lotteryId, List<PrizePlaces> places, int winners) {
        if (places.isEmpty()) {
            return;
        }
        List<DrawMapper.RankedCandidate> lasts = draws.candidatesAt(lotteryId,
                places.stream().map(PrizePlaces::lastPlace).toList());
        if (lasts.size() != places.size()) {
            throw new IllegalStateException("lottery " + lotteryId + " has fewer candidates than winners");
        }
        List<DrawMapper.PlaceBoundary> boundaries = new ArrayList<>(places.size());
        for (int i = 0; i < places.size(); i++) {
            boundaries.add(new DrawMapper.PlaceBoundary(places.get(i).prizeId(), lasts.get(i).drawKey(),
                    lasts.get(i).userId()));
        }
        long awarded = 0;
        long fromUserId = 0;
        while (true) {
            Long upToUserId = draws.candidateUserIdAfter(lotteryId, fromUserId, AWARD_PAGE - 1);
            awarded += draws.awardPage(lotteryId, fromUserId, upToUserId == null ? Long.MAX_VALUE : upToUserId,
                    boundaries, boundaries.get(boundaries.size() - 1));
            if (upToUserId == null) {
                break;
            }
            fromUserId = upToUserId;
        }
        if (awarded != winners) {
            throw new IllegalStateException("lottery " + lotteryId + ": " + awarded + " entries awarded for " + winners
                    + " winners (a winner without an open entry?)");
        }
    }

    private void discardCandidatesQuietly(long lotteryId) {
        try {
            discardCandidates(lotteryId);
        } catch (RuntimeException e) {
            // the draw is recorded; the draw schedule removes what is left (discardLeftoverCandidates)
            log.warn("could not remove the draw candidates of lottery {}", lotteryId, e);
        }
    }

    /**
     * A completed clock task multiplies the participant's weight: by {@code increaseMultiple} when the task
     * says so ({@code chanceType} 2), by 2 otherwise ("random" in the original, which never defined it).
     */
    private int clockTaskWeight(long lotteryId) {
        ClockTask task = lotteries.findClockTask(lotteryId);
        if (task == null) {
            return 1;
        }
        return task.chanceType() == 2 ? Math.max(1, task.increaseMultiple()) : 2;
    }
}
