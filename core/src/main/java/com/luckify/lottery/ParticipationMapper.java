package com.luckify.lottery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface ParticipationMapper {

    /**
     * Enters the user, or 0 rows when the user is blacklisted ({@code BlacklistStatus}'s rule, in the same
     * statement). Fails with a duplicate key when the user already has an entry: the database is the judge.
     */
    int insertUnlessBlacklisted(@Param("lotteryId") long lotteryId, @Param("userId") long userId,
            @Param("prizeId") Long prizeId);

    /** Instant entries in one statement; a duplicate fails them all. */
    void insertInstantEntries(@Param("attempts") List<InstantAttempt> attempts);

    /** Which of these users are blacklisted now ({@code BlacklistStatus}'s rule). */
    List<Long> blacklistedAmong(@Param("userIds") Collection<Long> userIds);

    /** Takes {@code count} units at once, only if all of them are there: 0 rows means they are not. */
    int takeStocks(@Param("prizeId") long prizeId, @Param("count") int count);

    /**
     * Counts one more participant while the lottery is still open; 0 rows means it is not (announced,
     * cancelled, past its time by the API's clock or the database's, or a by-count lottery that is full). The
     * database's clock is the one every process shares: a process whose clock is behind cannot let a join in after
     * the announced time.
     */
    int countIn(@Param("lotteryId") long lotteryId, @Param("now") Instant now);

    /**
     * The draw record's state, read with a share lock after the lottery's row is held: the latest committed
     * state (the draw marks itself begun while holding that row), null for an instant lottery, which has none.
     */
    String drawStateLocked(@Param("lotteryId") long lotteryId);

    /** Holds the lottery's row (shared) until the transaction ends, so the draw cannot begin meanwhile. */
    Long lockLotteryShared(@Param("lotteryId") long lotteryId);

    /** The prize's stock may never go below zero: 0 rows means nothing was left. */
    int takeStock(@Param("prizeId") long prizeId);

    int participantCount(long lotteryId);

    @Select("SELECT prize_id FROM lottery_participation WHERE lottery_id = #{lotteryId} AND user_id = #{userId} "
            + "AND is_won = 1")
    Long wonPrizeId(@Param("lotteryId") long lotteryId, @Param("userId") long userId);

    /** Entries counted from the entries themselves (instant lotteries keep no running count). */
    long countEntries(long lotteryId);

    CallerRow callerState(@Param("lotteryId") long lotteryId, @Param("userId") long userId);

    List<Long> participantPage(@Param("lotteryId") long lotteryId, @Param("offset") long offset, @Param("size") int size);

    /** The first {@code limit} winners of one prize, in the order they won (by the prize's index). */
    @Select("SELECT user_id FROM lottery_participation WHERE prize_id = #{prizeId} AND lottery_id = #{lotteryId} "
            + "AND is_won = 1 ORDER BY id LIMIT #{limit}")
    List<Long> winnersOfPrize(@Param("lotteryId") long lotteryId, @Param("prizeId") long prizeId,
            @Param("limit") int limit);

    /** The lottery's first {@code limit} winners, for a page that must not hold them all. */
    List<WinnerRow> winnersUpTo(@Param("lotteryId") long lotteryId, @Param("limit") int limit);

    List<UserParticipationRow> byUser(@Param("userId") long userId, @Param("cursor") Long cursor, @Param("size") int size,
            @Param("wonOnly") boolean wonOnly);

    int completeClockTask(@Param("clockTaskId") long clockTaskId, @Param("lotteryId") long lotteryId,
            @Param("userId") long userId);

    List<Long> entrants(@Param("lotteryId") long lotteryId, @Param("afterUserId") long afterUserId, @Param("size") int size);

    record CallerRow(int participated, int won, Long prizeId, int clockTaskDone, int prizeClaimed) {
    }

    record WinnerRow(long prizeId, long userId) {
    }

    record UserParticipationRow(long id, long lotteryId, long userId, int isWon, Instant createTime, Long prizeId) {
    }
}
