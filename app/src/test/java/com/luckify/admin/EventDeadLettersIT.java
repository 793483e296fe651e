package com.luckify.admin;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.staff.StaffRole;
import com.luckify.support.AdminClient;
import com.luckify.support.AdminTest;
import com.luckify.support.RefusedTaskProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Event dead letters in the console: the task-progress consumer really fails (the database refuses one user's
 * progress) until its attempts are spent; an administrator finds the delivery, reads its event and error, and
 * retries it once the cause is gone, and the user's task moves on. Other roles are refused, a second retry changes
 * nothing, and every retry is in the audit log.
 */
class EventDeadLettersIT extends AdminTest {

    private static final String LIST = "/admin/event-dead-letters";

    @Test
    void aDeliveryOutOfAttemptsIsListedInspectedAndRetriedOnceItsCauseIsGone() throws Exception {
        String player = newUserToken();
        long userId = userIdOf(player);
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 10)));
        String key;
        long eventId;
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        try (RefusedTaskProgress refused = RefusedTaskProgress.of(jdbc, userId)) {
            join(player, lotteryId);
            eventId = refused.joinEvent(lotteryId);
            key = "task-progress:" + eventId;
            refused.awaitDeadLetter(eventId);
            assertThat(joinTaskFinished(player)).as("the consumer never got through").isZero();

            String list = admin.get(LIST + "?consumer=task-progress&eventType=LotteryJoined").body();
            assertThat(row(list, key)).contains("LotteryJoined", "#" + eventId, "lottery " + lotteryId, ">10<",
                    "injected fault");
            assertThat(list).contains("data-menu=\"event-dead-letters\"", "data-menu=\"dead-letters\"");
            assertThat(admin.htmxGet(LIST + "?consumer=draw-result-notice").body()).as("filtered by consumer")
                    .doesNotContain("data-event-dead-letter=\"" + key + "\"");
            assertThat(admin.htmxGet(LIST + "?eventType=LotteryCreated").body()).as("filtered by event type")
                    .doesNotContain("data-event-dead-letter=\"" + key + "\"");

            String detail = admin.get(LIST + "/task-progress/" + eventId).body();
            assertThat(detail).as("payload pretty-printed and escaped")
                    .contains("&quot;userId&quot; : " + userId, "&quot;lotteryId&quot; : " + lotteryId);
            assertThat(detail).as("the error as text, never markup").contains("&lt;b&gt;task progress refused&lt;/b&gt;")
                    .doesNotContain("<b>task progress refused");
            assertThat(detail).contains("Dead letter: out of attempts", "id=\"retry\"");
        }

        // the cause is gone: one click puts it back and the consumer does what it could not do before
        AdminClient.Page retried = admin.htmxPost(LIST + "/retry?keys=" + key + "&consumer=task-progress", Map.of());

        assertThat(retried.isFullPage()).isFalse();
        assertThat(retried.body()).contains("1 put back for their consumer to run again.")
                .doesNotContain("data-event-dead-letter=\"" + key + "\"");
        await("the retried join counted", () -> joinTaskFinished(player) == 1);
        assertThat(jdbc.queryForObject("SELECT done_time IS NOT NULL FROM event_delivery WHERE subscription = 'task-progress'"
                + " AND event_id = ?", Boolean.class, eventId)).isTrue();
        assertThat(admin.get(LIST + "/task-progress/" + eventId).body()).contains("Handled").doesNotContain("id=\"retry\"");
        assertThat(jdbc.queryForMap("SELECT actor_name, before_json, after_json FROM audit_log WHERE action = 'event.retry'"
                + " AND target_type = 'event_delivery' AND target_id = ?", key))
                .satisfies(entry -> assertThat(entry.get("actor_name").toString()).startsWith("staff-"))
                .satisfies(entry -> assertThat(entry.get("before_json").toString()).contains("\"attempts\":10", "injected fault"));

        // a second retry of what was handled meanwhile changes nothing and records nothing
        AdminClient.Page again = admin.htmxPost(LIST + "/retry?keys=" + key, Map.of());
        assertThat(again.body()).contains("Nothing to retry: it was retried or handled already.");
        assertThat(admin.htmxPost(LIST + "/task-progress/" + eventId + "/retry", Map.of()).body())
                .contains("Nothing to retry", "Handled");
        assertThat(jdbc.queryForObject("SELECT attempts FROM event_delivery WHERE subscription = 'task-progress'"
                + " AND event_id = ?", Integer.class, eventId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'event.retry' AND target_id = ?",
                Integer.class, key)).isEqualTo(1);
        assertThat(joinTaskFinished(player)).as("counted once").isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorSeesOrRetriesEventDeadLetters() throws Exception {
        String player = newUserToken();
        long userId = userIdOf(player);
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 10)));
        try (RefusedTaskProgress refused = RefusedTaskProgress.of(jdbc, userId)) {
            join(player, lotteryId);
            long eventId = refused.joinEvent(lotteryId);
            refused.awaitDeadLetter(eventId);
            String key = "task-progress:" + eventId;

            for (StaffRole role : List.of(StaffRole.CAMPAIGN_MANAGER, StaffRole.MODERATOR, StaffRole.FINANCE)) {
                AdminClient staff = loggedIn(role);
                assertThat(staff.get(LIST).status()).as(role + " list").isEqualTo(403);
                assertThat(staff.get(LIST + "/task-progress/" + eventId).status()).as(role + " inspect").isEqualTo(403);
                assertThat(staff.htmxPost(LIST + "/retry?keys=" + key, Map.of()).status()).as(role + " retry").isEqualTo(403);
                assertThat(staff.htmxPost(LIST + "/retry-all", Map.of()).status()).as(role + " retry all").isEqualTo(403);
                assertThat(staff.get("/admin").body()).as(role + " menu").doesNotContain("data-menu=\"event-dead-letters\"");
            }
            assertThat(jdbc.queryForObject("SELECT attempts FROM event_delivery WHERE subscription = 'task-progress'"
                    + " AND event_id = ?", Integer.class, eventId)).as("still a dead letter").isEqualTo(10);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'event.retry' AND target_id = ?",
                    Integer.class, key)).isZero();
        }
    }

    @Test
    void selectedDeadLettersAndAllThatMatchAreRetriedInBoundedBatches() throws Exception {
        List<String> players = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<RefusedTaskProgress> refusals = new ArrayList<>();
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 10)));
        try {
            for (int i = 0; i < 3; i++) {
                String player = newUserToken();
                RefusedTaskProgress refused = RefusedTaskProgress.of(jdbc, userIdOf(player));
                refusals.add(refused);
                join(player, lotteryId);
                long eventId = refused.joinEvent(lotteryId);
                refused.awaitDeadLetter(eventId);
                players.add(player);
                keys.add("task-progress:" + eventId);
            }
        } finally {
            refusals.forEach(RefusedTaskProgress::close);
        }
        AdminClient admin = loggedIn(StaffRole.ADMIN);
        String tooMany = IntStream.rangeClosed(1, 101).mapToObj(i -> "keys=task-progress:" + i).reduce((a, b) -> a + "&" + b)
                .orElseThrow();
        AdminClient.Page refusedBatch = admin.htmxPost(LIST + "/retry?" + tooMany, Map.of());
        assertThat(refusedBatch.status()).isEqualTo(422);
        assertThat(refusedBatch.body()).contains("Select at most 100 dead letters at once");
        assertThat(admin.htmxPost(LIST + "/retry", Map.of()).body()).contains("Select at least one dead letter.");

        // two selected with their checkboxes (as the form posts them)
        AdminClient.Page selected = admin.htmxPost(LIST + "/retry?keys=" + keys.get(0) + "&keys=" + keys.get(1)
                + "&consumer=task-progress&eventType=LotteryJoined", Map.of());
        assertThat(selected.body()).contains("2 put back for their consumer to run again.")
                .doesNotContain("data-event-dead-letter=\"" + keys.get(0) + "\"", "data-event-dead-letter=\"" + keys.get(1) + "\"");
        await("both selected joins counted", () -> joinTaskFinished(players.get(0)) == 1 && joinTaskFinished(players.get(1)) == 1);
        assertThat(joinTaskFinished(players.get(2))).as("not selected").isZero();

        // all that match: the filter's dead letters, at most 500 per click (older ones of a shared database first)
        String third = keys.get(2);
        for (int click = 0; click < 10 && isDead(third); click++) {
            AdminClient.Page all = admin.htmxPost(LIST + "/retry-all", Map.of("consumer", "task-progress",
                    "eventType", "LotteryJoined"));
            assertThat(all.body()).contains("put back for their consumer to run again.");
        }
        await("the third join counted", () -> joinTaskFinished(players.get(2)) == 1);
        for (String key : keys) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'event.retry' AND target_id = ?",
                    Integer.class, key)).as(key).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void join(String token, long lotteryId) {
        assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", token).code())
                .isEqualTo(200);
    }

    /** Task 1 ("参与一次抽奖") as the user's task list shows it: 0 open, 1 finished. */
    private int joinTaskFinished(String token) {
        for (JsonNode task : api.post("/checkin/v1/checkin/getTasks", "", token).data().path("tasksList")) {
            if (task.path("id").asLong() == 1) {
                return task.path("isFinished").asInt();
            }
        }
        throw new AssertionError("no task 1");
    }

    private boolean isDead(String key) {
        String[] parts = key.split(":");
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_delivery WHERE subscription = ? AND event_id = ?"
                + " AND done_time IS NULL AND attempts >= 10", Integer.class, parts[0], Long.parseLong(parts[1])) == 1;
    }

    /** The table row of one dead letter, from its opening tag to its end. */
    private static String row(String page, String key) {
        int start = page.indexOf("data-event-dead-letter=\"" + key + "\"");
        assertThat(start).as("listed: " + key).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
