package com.luckify.lottery;

import com.luckify.common.LuaScripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.redisson.api.RScript;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The Redis admission gate of instant lotteries: per lottery a hash with the prizes' remaining stock and
 * odds bands, and the set of users who entered. One Lua script per attempt keeps the hot rows out of
 * MySQL's lock queue; MySQL's constraints stay the final word. The keys share a hash tag so a cluster
 * keeps them on one shard. Each installed state has a generation of its own: a reservation goes back only to the
 * state it came from, so one made before a rebuild never adds a unit to the rebuilt count.
 */
@Component
class InstantWinGate {

    static final long SOLD_OUT = -3;
    static final long UNAVAILABLE = -2;
    static final long ALREADY_ENTERED = -1;
    private static final Duration STAGED_FOR = Duration.ofMinutes(10);

    private final RScript script;
    private final RedissonClient redisson;
    private final String attempt = LuaScripts.load(InstantWinGate.class, "instant-attempt.lua");
    private final String giveBack = LuaScripts.load(InstantWinGate.class, "instant-give-back.lua");
    private final String install = LuaScripts.load(InstantWinGate.class, "instant-install.lua");
    private final String settle = LuaScripts.load(InstantWinGate.class, "instant-settle.lua");

    InstantWinGate(RedissonClient redisson) {
        this.redisson = redisson;
        this.script = redisson.getScript(StringCodec.INSTANCE);
    }

    /**
     * One attempt: the reserved prize id, 0 for no prize, {@link #ALREADY_ENTERED}, {@link #SOLD_OUT} or
     * {@link #UNAVAILABLE}, with the generation of the state that answered.
     */
    Admission attempt(long lotteryId, long userId, int roll) {
        // EVAL with the source, not EVALSHA: one round trip, and nothing to reload after Redis is flushed
        List<Object> answer = script.eval(RScript.Mode.READ_WRITE, attempt, RScript.ReturnType.LIST, keys(lotteryId),
                Long.toString(userId), Integer.toString(roll));
        long outcome = Long.parseLong(String.valueOf(answer.get(0)));
        return new Admission(outcome, answer.size() > 1 ? String.valueOf(answer.get(1)) : "");
    }

    /** Gives a reservation back to the state it was made in; a state installed since is left as it is. */
    void giveBack(long lotteryId, long userId, Admission admission, boolean removeEntrant) {
        script.eval(RScript.Mode.READ_WRITE, giveBack, RScript.ReturnType.LONG, keys(lotteryId),
                Long.toString(userId), Long.toString(Math.max(admission.outcome(), 0)), removeEntrant ? "1" : "0",
                admission.generation());
    }

    /**
     * Installs the hot state from MySQL's numbers under a new {@code generation}: entrants are staged in chunks under
     * a side key of that generation, then one script swaps everything in and sets "ready" last, so an attempt never
     * sees half a state. With {@code onlyIfMissing}, a state that is ready by then is kept (and this one dropped).
     * Returns whether this state was installed.
     */
    boolean install(long lotteryId, String generation, List<Prize> prizes, Iterable<List<Long>> entrantChunks,
            boolean onlyIfMissing) {
        String staged = prefix(lotteryId) + ":entrants:staged:" + generation;
        for (List<Long> chunk : entrantChunks) {
            if (!chunk.isEmpty()) {
                RSet<String> set = redisson.getSet(staged, StringCodec.INSTANCE);
                set.addAll(chunk.stream().map(String::valueOf).collect(Collectors.toList()));
                // an installer that dies half-way leaves nothing behind for long
                set.expire(STAGED_FOR);
            }
        }
        List<Object> keys = new ArrayList<>(keys(lotteryId));
        keys.add(staged);
        List<String> args = new ArrayList<>();
        args.add(onlyIfMissing ? "1" : "0");
        args.add(generation);
        args.add(prizes.stream().map(p -> p.id() + ":" + p.winProbabilityPpm()).collect(Collectors.joining(",")));
        for (Prize prize : prizes) {
            args.add(Long.toString(prize.id()));
            args.add(Integer.toString(prize.stock()));
        }
        Long installed = script.eval(RScript.Mode.READ_WRITE, install, RScript.ReturnType.LONG, keys, args.toArray());
        return installed != null && installed == 1;
    }

    /**
     * Brings the state of {@code generation} up to what MySQL has committed since it was installed: stock lowered to
     * MySQL's where Redis has more, entrants added. Returns how many fields changed, or -1 when that generation is
     * no longer installed (nothing was touched).
     */
    long settle(long lotteryId, String generation, List<Prize> prizes, Iterable<List<Long>> entrantChunks) {
        List<String> args = new ArrayList<>();
        args.add(generation);
        args.add(Integer.toString(prizes.size()));
        for (Prize prize : prizes) {
            args.add(Long.toString(prize.id()));
            args.add(Integer.toString(prize.stock()));
        }
        long changed = settleChunk(lotteryId, args);
        for (List<Long> chunk : entrantChunks) {
            if (changed < 0) {
                break;
            }
            if (!chunk.isEmpty()) {
                List<String> entrants = new ArrayList<>(List.of(generation, "0"));
                chunk.forEach(userId -> entrants.add(Long.toString(userId)));
                long added = settleChunk(lotteryId, entrants);
                changed = added < 0 ? added : changed + added;
            }
        }
        return changed;
    }

    private long settleChunk(long lotteryId, List<String> args) {
        Long changed = script.eval(RScript.Mode.READ_WRITE, settle, RScript.ReturnType.LONG, keys(lotteryId),
                args.toArray());
        return changed == null ? -1 : changed;
    }

    /** Remaining stock per prize as Redis sees it (for reconciliation and tests); empty when missing. */
    Map<String, String> state(long lotteryId) {
        return redisson.<String, String>getMap(prefix(lotteryId) + ":state", StringCodec.INSTANCE).readAllMap();
    }

    boolean isReady(long lotteryId) {
        return "1".equals(redisson.<String, String>getMap(prefix(lotteryId) + ":state", StringCodec.INSTANCE).get("ready"));
    }

    int entrantCount(long lotteryId) {
        return redisson.getSet(prefix(lotteryId) + ":entrants", StringCodec.INSTANCE).size();
    }

    /** The lock that a rebuild of state found missing holds, so one process at a time rebuilds a lottery. */
    static String rebuildLockName(long lotteryId) {
        return prefix(lotteryId) + ":rebuild";
    }

    /** What an attempt's script answered: the outcome, and the generation of the state that answered it. */
    record Admission(long outcome, String generation) {
    }

    private static List<Object> keys(long lotteryId) {
        return List.of(prefix(lotteryId) + ":state", prefix(lotteryId) + ":entrants");
    }

    private static String prefix(long lotteryId) {
        return "luckify:instant:{" + lotteryId + "}";
    }
}
