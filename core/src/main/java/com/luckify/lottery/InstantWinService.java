package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.BusinessMetrics;
import com.luckify.common.BusinessMetrics.InstantOutcome;
import com.luckify.common.ErrorCode;
import com.luckify.common.EventTracing;
import java.security.SecureRandom;
import com.luckify.reconciliation.Finding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Instant win (即抽即中), answered synchronously: a Redis script admits the attempt, rolls and reserves a
 * unit; a MySQL transaction then records the entry and takes the unit with a {@code stock} guard (with the
 * attempts that arrived meanwhile: {@link InstantEntryWriter}). A failed transaction gives the reservation back,
 * and so does an attempt the writer answered busy (nothing of it was written). Missing hot state fails closed: no
 * attempt is admitted until it is rebuilt from MySQL, which the first attempt to find it missing asks for
 * ({@link HotStateRebuilder}: off the request thread, once across processes); a Redis that does not answer within
 * its timeout is answered {@link ErrorCode#SERVICE_BUSY}.
 */
@Service
public class InstantWinService {

    private static final Logger log = LoggerFactory.getLogger(InstantWinService.class);

    private final InstantWinGate gate;
    private final HotStateRebuilder rebuilder;
    private final LotteryMapper lotteries;
    private final ParticipationMapper participations;
    private final InstantEntryWriter writer;
    private final LotteryReadCache cache;
    private final Clock clock;
    private final EventTracing tracing;
    private final BusinessMetrics metrics;
    private final SecureRandom random = new SecureRandom();

    InstantWinService(InstantWinGate gate, HotStateRebuilder rebuilder, LotteryMapper lotteries,
            ParticipationMapper participations, InstantEntryWriter writer, LotteryReadCache cache, Clock clock,
            EventTracing tracing, BusinessMetrics metrics) {
        this.tracing = tracing;
        this.metrics = metrics;
        this.gate = gate;
        this.rebuilder = rebuilder;
        this.lotteries = lotteries;
        this.participations = participations;
        this.writer = writer;
        this.cache = cache;
        this.clock = clock;
    }

    /** One attempt: the won prize's id, or 0 for no prize. Counted by outcome ({@code luckify_instant_attempts_total}). */
    public long attempt(long userId, long lotteryId) {
        try {
            long prizeId = attemptOnce(userId, lotteryId);
            metrics.instantAttempt(prizeId > 0 ? InstantOutcome.WON : InstantOutcome.LOST);
            return prizeId;
        } catch (BusinessException e) {
            metrics.instantAttempt(outcomeOf(e.errorCode()));
            throw e;
        } catch (RuntimeException e) {
            metrics.instantAttempt(InstantOutcome.ERROR);
            throw e;
        }
    }

    /** Redis lost the state or did not answer, or the writer's queue was full: refused without a draw, safely. */
    private static InstantOutcome outcomeOf(ErrorCode code) {
        return switch (code) {
            case INSTANT_SOLD_OUT -> InstantOutcome.SOLD_OUT;
            case ALREADY_JOINED -> InstantOutcome.ALREADY_ENTERED;
            case INSTANT_UNAVAILABLE, SERVICE_BUSY -> InstantOutcome.FAILED_CLOSED;
            default -> InstantOutcome.REFUSED;
        };
    }

    private long attemptOnce(long userId, long lotteryId) {
        // every change that closes a lottery invalidates this cache; Redis and MySQL judge the rest
        Lottery lottery = cache.get(new LotteryKey(lotteryId), () -> lotteries.findLottery(lotteryId));
        JoinRules.requireOpen(lottery, clock.instant());
        if (!lottery.isInstant()) {
            throw BusinessException.of(ErrorCode.INSTANT_LOTTERY_ONLY);
        }
        InstantWinGate.Admission admission;
        try {
            admission = gate.attempt(lotteryId, userId, random.nextInt(InstantOdds.CERTAIN));
        } catch (RedisException e) {
            // Redis did not answer in time. Whether the script ran is unknown, so nothing is given back: at worst a
            // unit stays reserved (Redis offers fewer than MySQL has, never more) and the user counts as entered
            // in Redis only, until the reconciliation job compares and rebuilds the state from MySQL
            log.warn("instant lottery {}: Redis did not answer the attempt of user {}: {}", lotteryId, userId, e.toString());
            throw BusinessException.of(ErrorCode.SERVICE_BUSY);
        }
        long reserved = admission.outcome();
        if (reserved == InstantWinGate.UNAVAILABLE) {
            // Redis answers but lost the state (restarted empty, flushed, failed over to a replica without it)
            rebuilder.rebuildSoon(lotteryId);
            throw BusinessException.of(ErrorCode.INSTANT_UNAVAILABLE);
        }
        if (reserved == InstantWinGate.SOLD_OUT) {
            throw BusinessException.of(ErrorCode.INSTANT_SOLD_OUT);
        }
        if (reserved == InstantWinGate.ALREADY_ENTERED) {
            throw BusinessException.of(ErrorCode.ALREADY_JOINED);
        }
        long prizeId;
        try {
            prizeId = writer.write(new InstantAttempt(lotteryId, userId, reserved, tracing.current()));
        } catch (DuplicateKeyException e) {
            // MySQL knew the entry Redis had forgotten (a rebuild raced with it, or a replica that missed writes took
            // over): keep the user entered, and bring the others Redis may have missed in too
            giveBack(lotteryId, userId, admission, false);
            rebuilder.settleSoon(lotteryId, admission.generation());
            throw BusinessException.of(ErrorCode.ALREADY_JOINED);
        } catch (RuntimeException e) {
            // also SERVICE_BUSY from the writer: that attempt was withdrawn before anything of it was written
            giveBack(lotteryId, userId, admission, true);
            throw e;
        }
        if (reserved > 0 && prizeId == 0) {
            // MySQL had no unit left of the prize Redis reserved: Redis offers units MySQL gave out (a rebuild raced
            // with a win, a replica that missed writes took over); lower its stock to MySQL's now, not a unit at a time
            rebuilder.settleSoon(lotteryId, admission.generation());
        }
        if (prizeId > 0 && lotteries.remainingStock(lotteryId) == 0) {
            // the last unit is gone: the lottery leaves the public list everywhere now
            cache.invalidate();
        }
        return prizeId;
    }

    /** A reservation back to Redis; if Redis cannot take it now, the caller still gets the attempt's own answer. */
    private void giveBack(long lotteryId, long userId, InstantWinGate.Admission admission, boolean removeEntrant) {
        try {
            gate.giveBack(lotteryId, userId, admission, removeEntrant);
            metrics.reservationGivenBack();
        } catch (RedisException e) {
            // Redis keeps the unit reserved: fewer offered than MySQL has until the reconciliation job rebuilds it
            log.warn("instant lottery {}: the reservation of user {} could not be given back: {}", lotteryId, userId,
                    e.toString());
        }
    }

    /**
     * Rebuilds the lottery's hot state from MySQL, replacing what Redis holds (on publication and from the
     * reconciliation job). Attempts made while it runs are judged by MySQL's constraints as always.
     */
    public void rebuildHotState(long lotteryId) {
        rebuilder.rebuild(lotteryId);
    }

    /**
     * Rebuilds the hot state of every running instant lottery that has none (Redis restarted empty, demo data loaded
     * by SQL), one process at a time per lottery; lotteries whose state is there are left alone. Returns how many
     * this call rebuilt.
     */
    public int rebuildMissingHotStates() {
        int rebuilt = 0;
        for (long lotteryId : lotteries.runningInstantLotteries(clock.instant())) {
            if (!gate.isReady(lotteryId) && rebuilder.rebuildIfMissing(lotteryId)) {
                rebuilt++;
            }
        }
        return rebuilt;
    }

    /** What this process did about missing hot state since it started (see {@link HotStateRebuilds}). */
    public HotStateRebuilds hotStateRebuilds() {
        return rebuilder.stats();
    }

    /** Running instant lotteries after {@code afterId}, in id order: what the reconciliation job walks. */
    public List<Long> runningAfter(long afterId, int limit) {
        return lotteries.runningInstantLotteriesAfter(clock.instant(), afterId, limit);
    }

    /**
     * Compares the lottery's Redis state with MySQL (prize stock, entrants) and, if they differ, rebuilds
     * Redis from MySQL; never the other way round. Returns what differed, marked repaired. A difference
     * seen while attempts are under way can be one in flight; the rebuild is safe then too.
     */
    public List<Finding> reconcile(long lotteryId) {
        InstantHotState hot = hotState(lotteryId);
        List<Finding> found = new ArrayList<>();
        String note = "Redis rebuilt from MySQL";
        if (!hot.ready()) {
            found.add(new Finding("INSTANT_STATE", "lottery", Long.toString(lotteryId), "ready", "missing", true, note));
        } else {
            for (Prize prize : lotteries.findPrizes(lotteryId)) {
                Integer redis = hot.stock().get(prize.id());
                if (redis == null || redis != prize.stock()) {
                    found.add(new Finding("INSTANT_STOCK", "prize", Long.toString(prize.id()),
                            Integer.toString(prize.stock()), String.valueOf(redis), true, note));
                }
            }
            long entries = participations.countEntries(lotteryId);
            if (entries != hot.entrants()) {
                found.add(new Finding("INSTANT_ENTRANTS", "lottery", Long.toString(lotteryId), Long.toString(entries),
                        Integer.toString(hot.entrants()), true, note));
            }
        }
        if (!found.isEmpty()) {
            rebuildHotState(lotteryId);
        }
        return found;
    }

    /** What Redis holds for the lottery now. */
    public InstantHotState hotState(long lotteryId) {
        Map<String, String> state = gate.state(lotteryId);
        Map<Long, Integer> stock = new HashMap<>();
        state.forEach((field, value) -> {
            if (field.startsWith("stock:")) {
                stock.put(Long.parseLong(field.substring(6)), Integer.parseInt(value));
            }
        });
        return new InstantHotState("1".equals(state.get("ready")), stock, gate.entrantCount(lotteryId));
    }

    private record LotteryKey(long lotteryId) {
    }
}
