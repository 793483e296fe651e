package com.luckify.lottery;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface PrizeClaimMapper {

    @Select("SELECT id AS participation_id, prize_id FROM lottery_participation WHERE lottery_id = #{lotteryId} "
            + "AND user_id = #{userId} AND is_won = 1")
    WinRow win(@Param("lotteryId") long lotteryId, @Param("userId") long userId);

    /** Fails with a duplicate key when the win is claimed already. */
    @Insert("INSERT INTO prize_claim (participation_id, prize_id, contact_name, mobile, address) "
            + "VALUES (#{win.participationId}, #{win.prizeId}, #{contact.name}, #{contact.mobile}, #{contact.address})")
    void insert(@Param("win") WinRow win, @Param("contact") ClaimContact contact);

    @Select("SELECT lp.id AS participation_id, lp.user_id, lp.lottery_id, l.name AS lottery_name, p.name AS prize_name, "
            + "l.award_deadline FROM lottery l "
            + "JOIN lottery_participation lp ON lp.lottery_id = l.id AND lp.is_won = 1 AND lp.id > #{afterId} "
            + "JOIN prize p ON p.id = lp.prize_id "
            + "LEFT JOIN prize_claim pc ON pc.participation_id = lp.id "
            + "WHERE l.award_deadline > #{from} AND l.award_deadline <= #{to} AND pc.id IS NULL "
            + "ORDER BY lp.id LIMIT #{limit}")
    List<UnclaimedWin> unclaimedWins(@Param("from") Instant from, @Param("to") Instant to, @Param("afterId") long afterId,
            @Param("limit") int limit);

    record WinRow(long participationId, long prizeId) {
    }
}
