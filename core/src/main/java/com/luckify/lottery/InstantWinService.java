package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.security.SecureRandom;
import com.luckify.reconciliation.Finding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Instant win (即抽即中), answered synchronously: a Redis script admits the attempt, rolls and reserves a
 * unit; a MySQL transaction then records the entry and takes the unit with a {@code stock} guard (with the
 * attempts that arrived meanwhile: {@link InstantEntryWriter}). A failed transaction gives the reservation back.
 * Missing hot state fails closed: no attempt is admitted until {@link #rebuildHotState} restores it from MySQL.
 */
@Service
public class InstantWinService {

    private static final Logger log = LoggerFactory.getLogger(InstantWinService.class);
    private static final int ENTRANT_CHUNK = 5_000;

    private final InstantWinGate gate;
    private final LotteryMapper lotteries;
    private final ParticipationMapper participations;
    private final InstantEntryWriter writer;
    private final LotteryReadCache cache;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InstantWinService(InstantWinGate gate, LotteryMapper lotteries, ParticipationMapper participations,
            InstantEntryWriter writer, LotteryReadCache cache, Clock clock) {
        this.gate = gate;
        this.lotteries = lotteries;
        this.participations = participations;
        this.writer = writer;
        this.cache = cache;
        this.clock = clock;
    }

    /** One attempt: the won prize's id, or 0 for no prize. */
    public long attempt(long userId, long lotteryId) {
        // every change that closes a lottery invalidates this cache; Redis and MySQL judge the rest
        Lottery lottery = cache.get(new LotteryKey(lotteryId), () -> lotteries.findLottery(lotteryId));
        JoinRules.requireOpen(lottery, clock.instant());
        if (!lottery.isInstant()) {
            throw BusinessException.of(ErrorCode.INSTANT_LOTTERY_ONLY);
        }
        long reserved = gate.attempt(lotteryId, userId, random.nextInt(InstantOdds.CERTAIN));
        if (reserved == InstantWinGate.UNAVAILABLE) {
            log.warn("instant lottery {} has no hot state: attempt of user {} refused", lotteryId, userId);
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
            prizeId = writer.write(new InstantAttempt(lotteryId, userId, reserved));
        } catch (DuplicateKeyException e) {
            // MySQL knew the entry Redis had forgotten (a rebuild raced with it): keep the user entered
            gate.giveBack(lotteryId, userId, reserved, false);
            throw BusinessException.of(ErrorCode.ALREADY_JOINED);
        } catch (RuntimeException e) {
            gate.giveBack(lotteryId, userId, reserved, true);
            throw e;
        }
        if (prizeId > 0 && lotteries.remainingStock(lotteryId) == 0) {
            // the last unit is gone: the lottery leaves the public list everywhere now
            cache.invalidate();
        }
        return prizeId;
    }

    /**
     * Rebuilds the lottery's hot state from MySQL (on publication, after Redis lost it, and from the
     * reconciliation job). Attempts made while it runs are judged by MySQL's constraints as always.
     */
    public void rebuildHotState(long lotteryId) {
        List<Prize> prizes = lotteries.findPrizes(lotteryId);
        gate.install(lotteryId, prizes, () -> entrantChunks(lotteryId));
        log.info("instant lottery {} hot state rebuilt from MySQL", lotteryId);
    }

    /**
     * Rebuilds the hot state of every running instant lottery that has none (Redis restarted empty, demo
     * data loaded by SQL); lotteries whose state is there are left alone. Returns how many were rebuilt.
     */
    public int rebuildMissingHotStates() {
        int rebuilt = 0;
        for (long lotteryId : lotteries.runningInstantLotteries(clock.instant())) {
            if (!gate.isReady(lotteryId)) {
                rebuildHotState(lotteryId);
                rebuilt++;
            }
        }
        return rebuilt;
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

    private Iterator<List<Long>> entrantChunks(long lotteryId) {
        return new Iterator<>() {
            private long after = 0;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<Long> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                List<Long> chunk = new ArrayList<>(participations.entrants(lotteryId, after, ENTRANT_CHUNK));
                if (chunk.size() < ENTRANT_CHUNK) {
                    done = true;
                }
                if (!chunk.isEmpty()) {
                    after = chunk.get(chunk.size() - 1);
                }
                return chunk;
            }
        };
    }
}
