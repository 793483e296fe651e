package com.luckify.lottery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface LotteryMapper {

    void insertLottery(@Param("row") NewLotteryRow row);

    void insertPrize(@Param("lotteryId") long lotteryId, @Param("prize") PrizeDraft prize, @Param("ppm") int ppm);

    void insertClockTask(@Param("lotteryId") long lotteryId, @Param("task") ClockTaskDraft task);

    void linkClockTask(@Param("lotteryId") long lotteryId);

    Lottery findLottery(long id);

    List<Prize> findPrizes(long lotteryId);

    /** The prizes of several lotteries at once (lists show a prize per entry without a query per row). */
    List<Prize> findPrizesOf(@Param("lotteryIds") Collection<Long> lotteryIds);

    ClockTask findClockTask(long lotteryId);

    DrawRow findDrawRecord(long lotteryId);

    /** Published, open lotteries, newest first; {@code joinedBy} not null hides those that user joined. */
    List<Lottery> publicList(@Param("cursor") Long cursor, @Param("size") int size, @Param("selected") boolean selected,
            @Param("joinedBy") Long joinedBy, @Param("now") Instant now);

    List<Lottery> publicPage(@Param("offset") long offset, @Param("size") int size, @Param("selected") boolean selected,
            @Param("now") Instant now);

    List<Lottery> createdBy(@Param("userId") long userId, @Param("cursor") Long cursor, @Param("size") int size);

    int countOpenCreatedBy(@Param("userId") long userId, @Param("now") Instant now);

    int countLiveBySponsor(long sponsorId);

    int remainingStock(long lotteryId);

    /** Published instant lotteries still running, with stock left: the ones that need hot state. */
    List<Long> runningInstantLotteries(@Param("now") Instant now);

    /** The draw record as stored; the seed leaves this feature only once the draw is done. */
    @Select("SELECT l.id FROM lottery l WHERE l.announce_type = 3 AND l.publish_time IS NOT NULL "
            + "AND l.cancelled_at IS NULL AND l.is_announced = 0 AND l.announce_time > #{now} AND l.id > #{afterId} "
            + "ORDER BY l.id LIMIT #{limit}")
    List<Long> runningInstantLotteriesAfter(@Param("now") Instant now, @Param("afterId") long afterId,
            @Param("limit") int limit);

    record DrawRow(byte[] seed, String seedHash, String state, String algorithm, Integer algorithmVersion,
            Integer participantCount, String participantsDigest, Instant drawnTime) {
    }
}
