package com.luckify.lottery;

import com.luckify.draw.Candidate;
import com.luckify.draw.Entrant;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface DrawMapper {

    /** By-time lotteries past their time, by-count ones full or past their time; published, open, not drawn. */
    @Select("SELECT l.id FROM lottery l JOIN draw_record d ON d.lottery_id = l.id "
            + "WHERE l.announce_type IN (1, 2) AND l.is_announced = 0 AND l.publish_time IS NOT NULL "
            + "AND l.cancelled_at IS NULL AND d.state IN ('PENDING', 'DRAWING') "
            + "AND (l.announce_time <= #{now} OR (l.announce_type = 2 AND l.participant_count >= l.join_number)) "
            + "ORDER BY l.announce_time, l.id LIMIT #{limit}")
    List<Long> due(@Param("now") Instant now, @Param("limit") int limit);

    @Select("SELECT l.id, l.announce_type, l.announce_time, l.join_number, l.participant_count, l.is_announced, "
            + "l.cancelled_at, l.publish_time, d.seed, d.sealed_seed, d.seed_key_id, d.state AS draw_state FROM lottery l "
            + "JOIN draw_record d ON d.lottery_id = l.id WHERE l.id = #{lotteryId}")
    DrawTarget target(@Param("lotteryId") long lotteryId);

    /**
     * Takes the lottery's row lock, first thing in the transaction that marks the draw begun: joins and clock-task
     * completions hold that row while they check that the draw has not begun, so the draw waits for those already
     * under way (and draws them), and the ones after it find the draw begun.
     */
    @Select("SELECT id FROM lottery WHERE id = #{lotteryId} FOR UPDATE")
    Long lockLottery(@Param("lotteryId") long lotteryId);

    // a lottery cancelled from the admin console since the target was read is not drawn (cancelling in turn
    // requires the draw record still PENDING, so one of the two always loses)
    @Update("UPDATE draw_record SET state = 'DRAWING', job_execution_id = #{jobExecutionId} "
            + "WHERE lottery_id = #{lotteryId} AND state IN ('PENDING', 'DRAWING') "
            + "AND NOT EXISTS (SELECT 1 FROM lottery l WHERE l.id = #{lotteryId} AND l.cancelled_at IS NOT NULL)")
    int markDrawing(@Param("lotteryId") long lotteryId, @Param("jobExecutionId") long jobExecutionId);

    /**
     * Participants after a user id, in user id order, with their draw weight. Explicit constructor mapping:
     * a draw reads millions of these, and MyBatis' name-based automapping costs per row.
     */
    @ConstructorArgs({@Arg(column = "user_id", javaType = long.class), @Arg(column = "weight", javaType = int.class)})
    @Select("SELECT p.user_id, IF(c.user_id IS NULL, 1, #{clockTaskWeight}) AS weight FROM lottery_participation p "
            + "LEFT JOIN clock_task_completion c ON c.lottery_id = p.lottery_id AND c.user_id = p.user_id "
            + "WHERE p.lottery_id = #{lotteryId} AND p.user_id > #{afterUserId} ORDER BY p.user_id LIMIT #{limit}")
    List<Entrant> entrantsAfter(@Param("lotteryId") long lotteryId, @Param("afterUserId") long afterUserId,
            @Param("limit") int limit, @Param("clockTaskWeight") int clockTaskWeight);

    /**
     * Only one completion ever wins: a draw finished by another process leaves 0 rows here. The seed is revealed
     * here, in clear, in the same row that publishes the result; its sealed copy goes.
     */
    @Update("UPDATE draw_record SET state = 'DRAWN', seed = #{seed}, sealed_seed = NULL, algorithm = #{algorithm}, "
            + "algorithm_version = #{version}, "
            + "participant_count = #{participants}, participants_digest = #{digest}, winner_count = #{winners}, "
            + "job_execution_id = #{jobExecutionId}, drawn_time = #{now} "
            + "WHERE lottery_id = #{lotteryId} AND state IN ('PENDING', 'DRAWING')")
    int markDrawn(@Param("lotteryId") long lotteryId, @Param("seed") byte[] seed, @Param("algorithm") String algorithm, @Param("version") int version,
            @Param("participants") int participants, @Param("digest") String digest, @Param("winners") int winners,
            @Param("jobExecutionId") long jobExecutionId, @Param("now") Instant now);

    /** A page of candidates in one multi-row insert (XML); a candidate kept already is replaced. */
    void keepCandidates(@Param("lotteryId") long lotteryId, @Param("candidates") List<Candidate> candidates);

    /** The best candidates, best first: higher key, then lower user id. */
    @ConstructorArgs({@Arg(column = "user_id", javaType = long.class), @Arg(column = "weight", javaType = int.class),
            @Arg(column = "draw_key", javaType = long.class)})
    @Select("SELECT user_id, weight, draw_key FROM draw_candidate WHERE lottery_id = #{lotteryId} "
            + "ORDER BY draw_key DESC, user_id LIMIT #{limit}")
    List<Candidate> bestCandidates(@Param("lotteryId") long lotteryId, @Param("limit") int limit);

    /**
     * The candidates at these places (1 = best: higher key, then lower user id), in place order; fewer when there
     * are fewer candidates. One sort of the lottery's candidates (XML).
     */
    List<RankedCandidate> candidatesAt(@Param("lotteryId") long lotteryId, @Param("places") List<Long> places);

    /** The user id of the candidate {@code skip} places after {@code afterUserId} in user id order, or null. */
    @Select("SELECT user_id FROM draw_candidate WHERE lottery_id = #{lotteryId} AND user_id > #{afterUserId} "
            + "ORDER BY user_id LIMIT 1 OFFSET #{skip}")
    Long candidateUserIdAfter(@Param("lotteryId") long lotteryId, @Param("afterUserId") long afterUserId,
            @Param("skip") int skip);

    /**
     * Awards the candidates with user ids in ({@code afterUserId}, {@code upToUserId}] that rank no later than
     * {@code last}: each gets the prize of the first boundary it does not rank after (XML, one statement);
     * returns the entries changed.
     */
    int awardPage(@Param("lotteryId") long lotteryId, @Param("afterUserId") long afterUserId,
            @Param("upToUserId") long upToUserId, @Param("boundaries") List<PlaceBoundary> boundaries,
            @Param("last") PlaceBoundary last);

    @Delete("DELETE FROM draw_candidate WHERE lottery_id = #{lotteryId} LIMIT #{limit}")
    int discardCandidates(@Param("lotteryId") long lotteryId, @Param("limit") int limit);

    /** Lotteries with candidates but no draw under way (the distinct ids come from the primary key's prefix). */
    @Select("SELECT c.lottery_id FROM (SELECT DISTINCT lottery_id FROM draw_candidate) c "
            + "JOIN draw_record d ON d.lottery_id = c.lottery_id WHERE d.state <> 'DRAWING' LIMIT #{limit}")
    List<Long> leftoverCandidateLotteries(@Param("limit") int limit);

    /** Records on each entry the weight the draw gave it. */
    @Update("UPDATE lottery_participation p JOIN clock_task_completion c ON c.lottery_id = p.lottery_id "
            + "AND c.user_id = p.user_id SET p.weight = #{weight} WHERE p.lottery_id = #{lotteryId}")
    void recordClockTaskWeights(@Param("lotteryId") long lotteryId, @Param("weight") int weight);

    @Update("UPDATE prize SET stock = stock - #{units} WHERE id = #{prizeId} AND lottery_id = #{lotteryId} "
            + "AND stock >= #{units}")
    int takeStock(@Param("lotteryId") long lotteryId, @Param("prizeId") long prizeId, @Param("units") int units);

    @Update("UPDATE lottery SET is_announced = 1, announced_time = #{now} WHERE id = #{lotteryId} AND is_announced = 0")
    int announce(@Param("lotteryId") long lotteryId, @Param("now") Instant now);

    /** A drawn lottery's participants with the weights the draw gave them, in user id order. */
    @Select("SELECT user_id, weight FROM lottery_participation WHERE lottery_id = #{lotteryId} "
            + "AND user_id > #{afterUserId} ORDER BY user_id LIMIT #{limit}")
    List<Entrant> drawnEntrants(@Param("lotteryId") long lotteryId, @Param("afterUserId") long afterUserId,
            @Param("limit") int limit);

    /** Prizes of drawn lotteries after a prize id: units offered, units left, winners recorded. */
    @Select("SELECT p.id AS prize_id, p.lottery_id, p.count, p.stock, (SELECT COUNT(*) FROM lottery_participation lp "
            + "WHERE lp.lottery_id = p.lottery_id AND lp.prize_id = p.id AND lp.is_won = 1) AS winners FROM prize p "
            + "JOIN draw_record d ON d.lottery_id = p.lottery_id AND d.state = 'DRAWN' WHERE p.id > #{afterPrizeId} "
            + "ORDER BY p.id LIMIT #{limit}")
    List<PrizeTally> drawnPrizesAfter(@Param("afterPrizeId") long afterPrizeId, @Param("limit") int limit);

    @Select("SELECT p.user_id, p.is_won = 1 AS won, COALESCE(z.name, '') AS prize_name FROM lottery_participation p "
            + "LEFT JOIN prize z ON z.id = p.prize_id WHERE p.lottery_id = #{lotteryId} AND p.user_id > #{afterUserId} "
            + "ORDER BY p.user_id LIMIT #{limit}")
    List<DrawResult> resultsAfter(@Param("lotteryId") long lotteryId, @Param("afterUserId") long afterUserId,
            @Param("limit") int limit);

    record RankedCandidate(long place, long userId, long drawKey) {
    }

    /** The last candidate, by rank, who wins {@code prizeId}. */
    record PlaceBoundary(long prizeId, long lastKey, long lastUserId) {
    }

    record DrawTarget(long id, int announceType, Instant announceTime, int joinNumber, int participantCount,
            int isAnnounced, Instant cancelledAt, Instant publishTime, byte[] seed, byte[] sealedSeed, String seedKeyId,
            String drawState) {
    }
}
