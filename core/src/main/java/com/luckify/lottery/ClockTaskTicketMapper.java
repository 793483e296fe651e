package com.luckify.lottery;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The single-use clock task tickets (clock_task_ticket). */
@Mapper
interface ClockTaskTicketMapper {

    @Insert("INSERT INTO clock_task_ticket (ticket, clock_task_id, lottery_id, user_id, issued_at, redeemable_at) "
            + "VALUES (#{ticket}, #{clockTaskId}, #{lotteryId}, #{userId}, #{issuedAt}, #{redeemableAt})")
    void insert(@Param("ticket") String ticket, @Param("clockTaskId") long clockTaskId,
            @Param("lotteryId") long lotteryId, @Param("userId") long userId, @Param("issuedAt") Instant issuedAt,
            @Param("redeemableAt") Instant redeemableAt);

    /**
     * Redeems the ticket if it is the user's for this lottery, unused and due: 1 row, or 0 for any of these not so.
     * The row lock makes simultaneous redemptions queue, and the second one finds redeemed_at set.
     */
    @Update("UPDATE clock_task_ticket SET redeemed_at = #{now} WHERE ticket = #{ticket} AND user_id = #{userId} "
            + "AND lottery_id = #{lotteryId} AND redeemed_at IS NULL AND redeemable_at <= #{now}")
    int redeem(@Param("ticket") String ticket, @Param("userId") long userId, @Param("lotteryId") long lotteryId,
            @Param("now") Instant now);

    /** The ticket as it is now, to say why a redemption was refused; null when there is no such ticket. */
    @Select("SELECT user_id, lottery_id, redeemable_at, (redeemed_at IS NOT NULL) AS redeemed FROM clock_task_ticket "
            + "WHERE ticket = #{ticket}")
    TicketRow find(String ticket);

    record TicketRow(long userId, long lotteryId, Instant redeemableAt, int redeemed) {
    }
}
