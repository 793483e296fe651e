package com.luckify.support;

import com.luckify.draw.Award;
import com.luckify.draw.DrawVerifier;
import com.luckify.draw.Entrant;
import com.luckify.draw.PrizeRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Draw test data straight in the database, and the public verifier run over it. */
public final class DrawFixtures {

    private DrawFixtures() {
    }

    /** Many participants straight in the database, as joining them one by one over HTTP would take minutes. */
    public static void bulkParticipants(JdbcTemplate jdbc, long lotteryId, int n) {
        String batch = "draw-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(new Object[] {batch + i});
        }
        jdbc.batchUpdate("INSERT INTO `user` (nickname) VALUES (?)", users);
        jdbc.update("INSERT INTO lottery_participation (lottery_id, user_id) SELECT ?, id FROM `user` WHERE nickname LIKE ?",
                lotteryId, batch + "%");
        jdbc.update("UPDATE lottery SET participant_count = ? WHERE id = ?", n, lotteryId);
    }

    public static List<Award> winners(JdbcTemplate jdbc, long lotteryId) {
        return jdbc.query("SELECT user_id, prize_id FROM lottery_participation WHERE lottery_id = ? AND is_won = 1",
                (rs, i) -> new Award(rs.getLong(1), rs.getLong(2)), lotteryId);
    }

    /** Runs the public verifier on the participant list as the database has it and the lottery's prizes. */
    public static VerifierRun verify(JdbcTemplate jdbc, byte[] seed, long lotteryId) {
        List<Entrant> entrants = jdbc.query("SELECT user_id, weight FROM lottery_participation WHERE lottery_id = ?",
                (rs, i) -> new Entrant(rs.getLong(1), rs.getInt(2)), lotteryId);
        List<PrizeRun> prizes = jdbc.query("SELECT id, level, count FROM prize WHERE lottery_id = ?",
                (rs, i) -> new PrizeRun(rs.getLong("id"), rs.getInt("level"), rs.getLong("count")), lotteryId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Award> awards = DrawVerifier.verify(seed, entrants, prizes, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new VerifierRun(awards, out.toString(StandardCharsets.UTF_8));
    }

    public static byte[] seedOf(JdbcTemplate jdbc, long lotteryId) {
        return jdbc.queryForObject("SELECT seed FROM draw_record WHERE lottery_id = ?", byte[].class, lotteryId);
    }

    /** What the verifier printed and the awards it computed. */
    public record VerifierRun(List<Award> awards, String output) {
    }
}
