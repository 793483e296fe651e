package com.luckify.lottery;

import com.luckify.common.AfterCommit;
import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.Outbox;
import com.luckify.draw.Award;
import com.luckify.draw.DrawAlgorithm;
import com.luckify.draw.Entrant;
import com.luckify.draw.PrizeUnit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lottery side of scheduled draws (announce types 1 and 2), for the draw job: which lotteries are due,
 * what a draw needs, the participants in chunks, and the one transaction that records the result. The
 * selection itself is {@link com.luckify.draw}'s pure algorithm.
 */
@Service
public class LotteryDraws {

    private static final Logger log = LoggerFactory.getLogger(LotteryDraws.class);

    private final DrawMapper draws;
    private final LotteryMapper lotteries;
    private final LotteryService lotteryService;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    LotteryDraws(DrawMapper draws, LotteryMapper lotteries, LotteryService lotteryService, Outbox outbox,
            TransactionTemplate tx, Clock clock) {
        this.draws = draws;
        this.lotteries = lotteries;
        this.lotteryService = lotteryService;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** Lotteries whose draw is due now, oldest first. */
    public List<Long> due(int limit) {
        return draws.due(clock.instant(), limit);
    }

    /**
     * The plan of a due draw, marking it as being drawn by this job execution; empty when the lottery must
     * not be drawn (not found, unpublished, instant, cancelled, already drawn, or not due yet).
     */
    public Optional<DrawPlan> begin(long lotteryId, long jobExecutionId) {
        DrawMapper.DrawTarget target = draws.target(lotteryId);
        Instant now = clock.instant();
        if (target == null || target.publishTime() == null || target.announceType() == AnnounceType.INSTANT
                || target.cancelledAt() != null || target.isAnnounced() == 1 || "DRAWN".equals(target.drawState())) {
            log.info("lottery {} is not to be drawn", lotteryId);
            return Optional.empty();
        }
        boolean due = !target.announceTime().isAfter(now) || target.announceType() == AnnounceType.BY_PARTICIPANTS
                && target.participantCount() >= target.joinNumber();
        if (!due || draws.markDrawing(lotteryId, jobExecutionId) == 0) {
            log.info("lottery {} is not due for its draw", lotteryId);
            return Optional.empty();
        }
        return Optional.of(plan(lotteryId));
    }

    /**
     * The plan of a draw that has begun. It is the same every time it is asked for until the draw is
     * recorded (seed, prize stock and clock task do not change meanwhile), so each step of a restarted job
     * can ask again instead of carrying it.
     */
    public DrawPlan plan(long lotteryId) {
        DrawMapper.DrawTarget target = draws.target(lotteryId);
        if (target == null) {
            throw new IllegalArgumentException("no lottery " + lotteryId);
        }
        List<PrizeUnit> units = new ArrayList<>();
        for (Prize prize : lotteries.findPrizes(lotteryId)) {
            for (int i = 0; i < prize.stock(); i++) {
                units.add(new PrizeUnit(prize.id(), prize.level()));
            }
        }
        return new DrawPlan(lotteryId, target.seed(), units, clockTaskWeight(lotteryId));
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
     * Records the result in one transaction: the winners' entries, the prizes' stock, the lottery announced,
     * the draw record with everything needed to recompute it, and a {@code DrawCompleted} event. Returns false
     * when the draw had already been recorded (by an earlier run of the same job), changing nothing.
     */
    public boolean complete(DrawPlan plan, List<Award> awards, int participants, String digest, long jobExecutionId) {
        long lotteryId = plan.lotteryId();
        Boolean recorded = tx.execute(status -> {
            Instant now = clock.instant();
            if (draws.markDrawn(lotteryId, DrawAlgorithm.NAME, DrawAlgorithm.VERSION, participants, digest, awards.size(),
                    jobExecutionId, now) == 0) {
                return false;
            }
            Map<Long, Integer> unitsByPrize = new TreeMap<>();
            for (Award award : awards) {
                if (draws.award(lotteryId, award.userId(), award.prizeId()) != 1) {
                    throw new IllegalStateException("winner " + award.userId() + " has no open entry in lottery " + lotteryId);
                }
                unitsByPrize.merge(award.prizeId(), 1, Integer::sum);
            }
            unitsByPrize.forEach((prizeId, units) -> {
                if (draws.takeStock(lotteryId, prizeId, units) != 1) {
                    throw new IllegalStateException("prize " + prizeId + " has fewer than " + units + " units left");
                }
            });
            if (plan.clockTaskWeight() > 1) {
                draws.recordClockTaskWeights(lotteryId, plan.clockTaskWeight());
            }
            draws.announce(lotteryId, now);
            outbox.record("DrawCompleted", "lottery", lotteryId, Map.of("lotteryId", lotteryId, "participants",
                    participants, "winners", awards.size(), "winnerIds", awards.stream().map(Award::userId).toList()));
            return true;
        });
        // caches are told after the commit, or a reader could cache the lottery as it was once more
        AfterCommit.run(() -> lotteryService.changed(lotteryId));
        return Boolean.TRUE.equals(recorded);
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
