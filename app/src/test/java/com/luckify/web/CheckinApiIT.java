package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.common.GroupCommit;
import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class CheckinApiIT extends IntegrationTest {

    private static final String CHECKIN = "/checkin/v1/checkin";
    private static final String STATUS = "/checkin/v1/checkin/getCheckin";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    @Qualifier("checkinWriter")
    GroupCommit<?, ?> checkinWriter;

    @Test
    void aNewUserChecksInOnceADayForFivePoints() {
        String token = newUserToken();
        long userId = userIdOf(token);

        assertStatus(token, 0, 0, 0, 0);

        Response first = api.post(CHECKIN, "", token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.data().path("continuousCheckinDays").asInt()).isEqualTo(1);
        assertThat(first.data().path("state").asInt()).isEqualTo(1);
        assertThat(first.data().path("integral").asLong()).isEqualTo(5);
        assertThat(first.data().path("reward").asInt()).isEqualTo(5);
        assertStatus(token, 1, 1, 5, 0);

        Response again = api.post(CHECKIN, "{}", token);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(700006);
        assertThat(again.msg()).isEqualTo("重复签到");
        assertStatus(token, 1, 1, 5, 0);
        assertThat(jdbc.queryForList("SELECT CONCAT(reason, ' ', integral, ' ', content) FROM integral_record "
                + "WHERE user_id = ?", String.class, userId)).containsExactly("CHECKIN 5 签到");
    }

    @Test
    void theSevenDayCyclePaysItsRewardsAndStartsAgain() {
        String token = newUserToken();
        LocalDate first = LocalDate.of(2030, 3, 1);
        int[] expectedRewards = {5, 5, 10, 15, 20, 30, 40, 5, 5};
        long balance = 0;
        for (int day = 0; day < expectedRewards.length; day++) {
            pinLocal(first.plusDays(day), LocalTime.of(9, 0));
            Response response = api.post(CHECKIN, "", token);
            balance += expectedRewards[day];
            assertThat(response.data().path("continuousCheckinDays").asInt()).as("day %d", day + 1)
                    .isEqualTo(day % 7 + 1);
            assertThat(response.data().path("reward").asInt()).as("day %d", day + 1).isEqualTo(expectedRewards[day]);
            assertThat(response.data().path("integral").asLong()).isEqualTo(balance);
        }
        assertThat(jdbc.queryForObject("SELECT continuous_days FROM checkin_record WHERE user_id = ? "
                + "ORDER BY checkin_date DESC LIMIT 1", Integer.class, userIdOf(token))).isEqualTo(9);
    }

    @Test
    void aMissedDayBreaksTheStreak() {
        String token = newUserToken();
        LocalDate monday = LocalDate.of(2030, 4, 1);
        pinLocal(monday, LocalTime.NOON);
        api.post(CHECKIN, "", token);
        pinLocal(monday.plusDays(1), LocalTime.NOON);
        api.post(CHECKIN, "", token);

        pinLocal(monday.plusDays(2), LocalTime.NOON);
        assertStatus(token, 2, 0, 10, 0); // still alive until tonight

        pinLocal(monday.plusDays(3), LocalTime.NOON);
        assertStatus(token, 0, 0, 10, 0);
        Response restart = api.post(CHECKIN, "", token);
        assertThat(restart.data().path("continuousCheckinDays").asInt()).isEqualTo(1);
        assertThat(restart.data().path("reward").asInt()).isEqualTo(5);
    }

    @Test
    void afterAFullCycleTheNextDayShowsZero() {
        String token = newUserToken();
        LocalDate first = LocalDate.of(2030, 5, 1);
        for (int day = 0; day < 7; day++) {
            pinLocal(first.plusDays(day), LocalTime.NOON);
            api.post(CHECKIN, "", token);
        }
        assertStatus(token, 7, 1, 125, 0);
        pinLocal(first.plusDays(7), LocalTime.NOON);
        assertStatus(token, 0, 0, 125, 0);
    }

    /** The JVM runs in UTC (see the failsafe configuration); the business day is Shanghai's. */
    @Test
    void theBusinessDayFollowsShanghaiNotTheJvm() {
        assertThat(ZoneId.systemDefault().normalized()).isEqualTo(ZoneOffset.UTC);
        String token = newUserToken();
        long userId = userIdOf(token);
        LocalDate day = LocalDate.of(2030, 6, 10);
        ZonedDateTime lateEvening = ZonedDateTime.of(day, LocalTime.of(23, 30), SHANGHAI);
        ZonedDateTime pastMidnight = ZonedDateTime.of(day.plusDays(1), LocalTime.of(0, 30), SHANGHAI);
        // both moments are the same day in UTC: a UTC calendar would refuse the second check-in
        assertThat(lateEvening.withZoneSameInstant(ZoneOffset.UTC).toLocalDate())
                .isEqualTo(pastMidnight.withZoneSameInstant(ZoneOffset.UTC).toLocalDate());

        clock.set(lateEvening.toInstant());
        assertThat(api.post(CHECKIN, "", token).data().path("continuousCheckinDays").asInt()).isEqualTo(1);
        clock.set(lateEvening.plusMinutes(20).toInstant());
        assertThat(api.post(CHECKIN, "", token).code()).as("23:50, same local day").isEqualTo(700006);

        clock.set(pastMidnight.toInstant());
        Response nextDay = api.post(CHECKIN, "", token);
        assertThat(nextDay.status()).isEqualTo(200);
        assertThat(nextDay.data().path("continuousCheckinDays").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT checkin_date FROM checkin_record WHERE user_id = ? ORDER BY checkin_date",
                LocalDate.class, userId)).containsExactly(day, day.plusDays(1));
    }

    @Test
    void thirtySimultaneousCheckInsGiveOneRecordAndOneReward() throws Exception {
        String token = newUserToken();
        long userId = userIdOf(token);

        List<Response> responses = runConcurrently(30, Collections.nCopies(30, token), t -> api.post(CHECKIN, "", t));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        // a repeat, or beyond the user's check-in budget
        assertThat(responses).filteredOn(r -> r.status() != 200).extracting(Response::code).containsOnly(700006, 100010)
                .contains(700006);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_record WHERE user_id = ?", Long.class, userId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integral_record WHERE user_id = ?", Long.class, userId))
                .isEqualTo(1);
        assertStatus(token, 1, 1, 5, 0);
    }

    @Test
    void simultaneousCheckInsOfManyUsersEachPayTheirOwnStreakAndRepeatsDoNotSlowTheBatch() throws Exception {
        // written in batches: users on day 1, users continuing a streak, one who already checked in, and 20 users
        // who tap twice at once (their two check-ins are side by side, so mostly in the same batch)
        LocalDate today = LocalDate.of(2030, 6, 3);
        pinLocal(today, LocalTime.of(8, 0));
        List<String> users = bulkUserTokens(150);
        for (String token : users.subList(0, 50)) {
            jdbc.update("INSERT INTO checkin_record (user_id, checkin_date, streak_day, continuous_days, reward) "
                    + "VALUES (?, ?, 2, 2, 5)", userIdOf(token), today.minusDays(1));
        }
        String early = users.get(149);
        assertThat(api.post(CHECKIN, "", early).status()).isEqualTo(200);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            order.add(i);
            if (i >= 40 && i < 60) {
                order.add(i);
            }
        }
        GroupCommit.Stats before = checkinWriter.stats();

        List<Response> responses = runConcurrently(32, order, i -> api.post(CHECKIN, "", users.get(i)));

        Map<Integer, List<Response>> byUser = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            byUser.computeIfAbsent(order.get(k), i -> new ArrayList<>()).add(responses.get(k));
        }
        for (int i = 0; i < 149; i++) {
            List<Response> answers = byUser.get(i);
            assertThat(answers).as("user %d: %s", i, answers).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(answers).as("user %d", i).filteredOn(r -> r.status() != 200)
                    .hasSize(i >= 40 && i < 60 ? 1 : 0).allSatisfy(r -> assertThat(r.code()).isEqualTo(700006));
            Response response = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            int expectedDay = i < 50 ? 3 : 1;
            int expectedReward = i < 50 ? 10 : 5;
            assertThat(response.data().path("continuousCheckinDays").asInt()).as("user %d", i).isEqualTo(expectedDay);
            assertThat(response.data().path("reward").asInt()).as("user %d", i).isEqualTo(expectedReward);
            assertThat(response.data().path("integral").asLong()).as("user %d", i).isEqualTo(expectedReward);
        }
        assertThat(byUser.get(149)).extracting(Response::code).containsExactly(700006);
        // the repeats were answered from their batches: no batch fell back to writing check-ins one by one
        GroupCommit.Stats after = checkinWriter.stats();
        assertThat(after.batches()).as("batches written together").isGreaterThan(before.batches());
        assertThat(after.batchesOneByOne()).as("batches written one by one").isEqualTo(before.batchesOneByOne());
        List<Long> ids = users.stream().map(this::userIdOf).toList();
        String in = ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_record WHERE checkin_date = ? AND user_id IN (" + in
                + ")", Long.class, today)).isEqualTo(150);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integral_record WHERE user_id IN (" + in + ")", Long.class))
                .isEqualTo(150);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integral i WHERE i.user_id IN (" + in + ") AND i.integral <> "
                + "(SELECT SUM(r.integral) FROM integral_record r WHERE r.user_id = i.user_id)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(integral), 0) FROM integral WHERE user_id IN (" + in + ")",
                Long.class)).isEqualTo(50 * 10 + 100 * 5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'CheckedIn' "
                + "AND aggregate_id IN (" + in + ")", Long.class)).isEqualTo(150);
    }

    @Test
    void checkInNeedsAToken() {
        assertThat(api.post(CHECKIN, "").status()).isEqualTo(401);
        assertThat(api.post(STATUS, "").status()).isEqualTo(401);
    }

    private void pinLocal(LocalDate day, LocalTime time) {
        clock.set(ZonedDateTime.of(day, time, SHANGHAI).toInstant());
    }

    private void assertStatus(String token, int days, int state, long integral, int subStatus) {
        Response status = api.post(STATUS, "", token);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.data().path("continuousCheckinDays").asInt()).as("continuousCheckinDays").isEqualTo(days);
        assertThat(status.data().path("state").asInt()).as("state").isEqualTo(state);
        assertThat(status.data().path("integral").asLong()).as("integral").isEqualTo(integral);
        assertThat(status.data().path("subStatus").asInt()).as("subStatus").isEqualTo(subStatus);
    }
}
