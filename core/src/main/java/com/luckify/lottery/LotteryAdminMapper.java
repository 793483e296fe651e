package com.luckify.lottery;

import com.luckify.common.DailyCount;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The admin console's reads and state changes of lotteries. */
@Mapper
interface LotteryAdminMapper {

    List<Lottery> search(@Param("q") LotterySearch search, @Param("offset") long offset, @Param("size") int size);

    long count(@Param("q") LotterySearch search);

    List<Lottery> closingSoon(@Param("now") Instant now, @Param("limit") int limit);

    @Update("UPDATE lottery SET publish_time = #{now} WHERE id = #{id} AND publish_time IS NULL "
            + "AND cancelled_at IS NULL AND announce_time > #{now}")
    int publish(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE lottery SET is_selected = #{selected} WHERE id = #{id}")
    int setSelected(@Param("id") long id, @Param("selected") boolean selected);

    /** Only before the draw has begun: a draw under way or done is never taken back. */
    @Update("UPDATE lottery l SET cancelled_at = #{now}, cancel_reason = #{reason} WHERE l.id = #{id} "
            + "AND l.cancelled_at IS NULL AND l.is_announced = 0 "
            + "AND NOT EXISTS (SELECT 1 FROM draw_record d WHERE d.lottery_id = l.id AND d.state <> 'PENDING')")
    int cancel(@Param("id") long id, @Param("reason") String reason, @Param("now") Instant now);

    /** Only a draft changes: from publication on, what people joined for is fixed. */
    int updateDraft(@Param("id") long id, @Param("d") LotteryDraft draft);

    @Delete("DELETE FROM prize WHERE lottery_id = #{id}")
    void deletePrizes(long id);

    @Delete("DELETE FROM clock_task WHERE lottery_id = #{id}")
    void deleteClockTask(long id);

    @Select("SELECT cancel_reason FROM lottery WHERE id = #{id}")
    String cancelReason(long id);

    List<DailyCount> participationsPerDay(@Param("from") Instant from, @Param("to") Instant to,
            @Param("offsetSeconds") int offsetSeconds, @Param("instantWinsOnly") boolean instantWinsOnly);

    List<DailyCount> drawsPerDay(@Param("from") Instant from, @Param("to") Instant to,
            @Param("offsetSeconds") int offsetSeconds);
}
