package com.luckify.lottery;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface ReportingMapper {

    @Select("SELECT l.id AS lottery_id, l.name, l.sponsor_id, l.publish_time, l.announced_time, d.state AS draw_state,"
            + " d.seed_hash, d.seed, d.participant_count, d.participants_digest, d.algorithm, d.algorithm_version,"
            + " d.winner_count, d.job_execution_id, d.drawn_time"
            + " FROM lottery l JOIN draw_record d ON d.lottery_id = l.id WHERE l.id = #{lotteryId}")
    AuditRow auditRow(long lotteryId);

    /** One prize's winners after a participation id: a range of the (prize_id, lottery_id) index, which ends in id. */
    @Select("SELECT p.id AS participation_id, p.user_id FROM lottery_participation p"
            + " WHERE p.prize_id = #{prizeId} AND p.lottery_id = #{lotteryId} AND p.id > #{after} ORDER BY p.id LIMIT #{limit}")
    List<WinnerRow> winnersAfter(@Param("prizeId") long prizeId, @Param("lotteryId") long lotteryId,
            @Param("after") long after, @Param("limit") int limit);

    List<PrizeRow> prizeStatement(@Param("from") Instant from, @Param("to") Instant to, @Param("now") Instant now);

    record AuditRow(long lotteryId, String name, Long sponsorId, Instant publishTime, Instant announcedTime,
            String drawState, String seedHash, byte[] seed, Integer participantCount, String participantsDigest,
            String algorithm, Integer algorithmVersion, Integer winnerCount, Long jobExecutionId, Instant drawnTime) {
    }

    record WinnerRow(long participationId, long userId) {
    }

    record PrizeRow(Long sponsorId, long lotteryId, String lotteryName, long prizeId, int prizeType, int prizeLevel,
            String prizeName, long offered, long issued, long claimed, long unclaimed, long expired, long remaining) {
    }
}
