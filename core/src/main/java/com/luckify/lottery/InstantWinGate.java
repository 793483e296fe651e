package com.luckify.lottery;

import com.luckify.common.LuaScripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The Redis admission gate of instant lotteries: per lottery a hash with the prizes' remaining stock and
 * odds bands, and the set of users who entered. One Lua script per attempt keeps the hot rows out of
 * MySQL's lock queue; MySQL's constraints stay the final word. The keys share a hash tag so a cluster
 * keeps them on one shard.
 */
@Component
class InstantWinGate {

    static final long SOLD_OUT = -3;
    static final long UNAVAILABLE = -2;
    static final long ALREADY_ENTERED = -1;

    private final RScript script;
    private final RedissonClient redisson;
    private final String attempt = LuaScripts.load(InstantWinGate.class, "instant-attempt.lua");
    private final String giveBack = LuaScripts.load(InstantWinGate.class, "instant-give-back.lua");
    private final String install = LuaScripts.load(InstantWinGate.class, "instant-install.lua");

    InstantWinGate(RedissonClient redisson) {
        this.redisson = redisson;
        this.script = redisson.getScript(StringCodec.INSTANCE);
    }

    /** The reserved prize id, 0 for no prize, {@link #ALREADY_ENTERED}, {@link #SOLD_OUT} or {@link #UNAVAILABLE}. */
    long attempt(long lotteryId, long userId, int roll) {
        // EVAL with the source, not EVALSHA: one round trip, and nothing to reload after Redis is flushed
        return script.<Long>eval(RScript.Mode.READ_WRITE, attempt, RScript.ReturnType.LONG, keys(lotteryId),
                Long.toString(userId), Integer.toString(roll));
    }

    void giveBack(long lotteryId, long userId, long prizeId, boolean removeEntrant) {
        script.eval(RScript.Mode.READ_WRITE, giveBack, RScript.ReturnType.LONG, keys(lotteryId),
                Long.toString(userId), Long.toString(prizeId), removeEntrant ? "1" : "0");
    }

    /**
     * Installs the hot state from MySQL's numbers: entrants are staged in chunks under a side key, then one
     * script swaps everything in, so an attempt never sees half a state.
     */
    void install(long lotteryId, List<Prize> prizes, Iterable<List<Long>> entrantChunks) {
        String staged = prefix(lotteryId) + ":entrants:staged";
        redisson.getKeys().delete(staged);
        for (List<Long> chunk : entrantChunks) {
            if (!chunk.isEmpty()) {
                redisson.getSet(staged, StringCodec.INSTANCE)
                        .addAll(chunk.stream().map(String::valueOf).collect(Collectors.toList()));
            }
        }
        List<Object> keys = new ArrayList<>(keys(lotteryId));
        keys.add(staged);
        List<String> args = new ArrayList<>();
        args.add(prizes.stream().map(p -> p.id() + ":" + p.winProbabilityPpm()).collect(Collectors.joining(",")));
        for (Prize prize : prizes) {
            args.add(Long.toString(prize.id()));
            args.add(Integer.toString(prize.stock()));
        }
        script.eval(RScript.Mode.READ_WRITE, install, RScript.ReturnType.LONG, keys, args.toArray());
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

    private static List<Object> keys(long lotteryId) {
        return List.of(prefix(lotteryId) + ":state", prefix(lotteryId) + ":entrants");
    }

    private static String prefix(long lotteryId) {
        return "luckify:instant:{" + lotteryId + "}";
    }
}
