package com.luckify.batch;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.retention.RetentionLauncher;
import com.luckify.batch.support.JobConsole;
import com.luckify.batch.support.JobProgress;
import com.luckify.batch.support.JobProgressBoard;
import com.luckify.notification.Delivery;
import com.luckify.notification.Notice;
import com.luckify.notification.NotificationKind;
import com.luckify.notification.NotificationService;
import com.luckify.support.InjectedFault;
import com.luckify.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Given handled rows past their age and rows still young, needed or audited, when the retention job runs, then
 * only the first go, a second run finds nothing, and a run failed mid-step restarts after its last chunk.
 */
class RetentionJobIT extends IntegrationTest {

    private static final String FIXTURE_JOB = "retentionFixtureJob";

    @Autowired
    RetentionLauncher retention;

    @Autowired
    JobRepository repository;

    @Autowired
    JobOperator jobs;

    @Autowired
    @Qualifier("retentionJob")
    Job retentionJob;

    @Autowired
    NotificationService notifications;

    @Autowired
    JobProgressBoard board;

    @Autowired
    JobConsole console;

    private final List<Long> keptEvents = new ArrayList<>();
    private final List<Long> keptLogs = new ArrayList<>();
    private final List<Long> keptInstances = new ArrayList<>();
    private final List<Long> keptAudit = new ArrayList<>();
    private final List<Long> keptReports = new ArrayList<>();

    @Test
    void oldHandledRowsGoWhileYoungOnesWorkStillOwedAndAuditRecordsStay() throws Exception {
        // given: young rows the application made
        String owner = newUserToken();
        long lotteryId = createLottery(owner, lottery(1, 0, prize(1, 1)));
        awaitEventsHandled();
        long youngEvent = jdbc.queryForObject("SELECT MAX(id) FROM outbox_event WHERE event_type = 'LotteryCreated' "
                + "AND aggregate_id = ?", Long.class, lotteryId);
        String openId = weChatUser();
        long recipient = userIdOfOpenId(openId);
        assertThat(notifications.deliver(new Notice(recipient, NotificationKind.CHECKIN_REMINDER, "retention",
                LocalDate.now(), "pages/index/checkin", Map.of("thing1", "心愿签到")))).isEqualTo(Delivery.SENT);
        long youngLog = jdbc.queryForObject("SELECT id FROM notification_log WHERE user_id = ?", Long.class, recipient);
        long auditRows = auditRows();
        long oldAudit = oldAuditEntry();
        long oldReport = oldReport();

        // and old ones, back-dated
        long handled = oldEvent(40);
        delivery(handled, "task-progress", true);
        long noSubscriber = oldEvent(40);
        long halfHandled = oldEvent(40);
        delivery(halfHandled, "task-progress", true);
        delivery(halfHandled, "draw-on-threshold", false);
        long relayedLately = oldEvent(40);
        jdbc.update("UPDATE outbox_event SET published_time = NOW(3) - INTERVAL 2 DAY WHERE id = ?", relayedLately);
        delivery(relayedLately, "task-progress", true);
        keptEvents.addAll(List.of(halfHandled, relayedLately));

        long sent = oldLog(recipient, "SENT");
        long parked = oldLog(recipient, "DEAD");
        long parkedLetter = deadLetter(parked, false);
        long retried = oldLog(recipient, "DEAD");
        long retriedLetter = deadLetter(retried, true);
        long tooYoung = oldLog(recipient, "SENT");
        jdbc.update("UPDATE notification_log SET create_time = NOW(3) - INTERVAL 80 DAY WHERE id = ?", tooYoung);
        keptLogs.addAll(List.of(parked, tooYoung));

        String fixture = UUID.randomUUID().toString();
        // an instance whose execution was never written, left by a process that died starting it long ago
        long abandonedStart = repository.createJobInstance(FIXTURE_JOB, parameters(fixture, "orphan")).getInstanceId();
        long completed = instance(fixture, "completed", new Run("COMPLETED", 40));
        long abandoned = instance(fixture, "abandoned", new Run("ABANDONED", 40));
        long failedLongAgo = instance(fixture, "failed-long-ago", new Run("FAILED", 40));
        long failedLately = instance(fixture, "failed-lately", new Run("FAILED", 5));
        long restartedLately = instance(fixture, "restarted", new Run("FAILED", 40), new Run("STOPPED", 5));
        long runningForLong = instance(fixture, "running", new Run("STARTED", 40));
        // an instance being started right now: its execution is not written yet
        long starting = repository.createJobInstance(FIXTURE_JOB, parameters(fixture, "starting")).getInstanceId();
        keptInstances.addAll(List.of(failedLately, restartedLately, runningForLong, starting));
        assertThat(batchRows(List.of(completed))).as("a fixture has all of Batch's rows").isGreaterThanOrEqualTo(5);

        // when
        JobExecution first = retention.run();

        // then
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(existing("outbox_event", List.of(youngEvent, handled, noSubscriber, halfHandled, relayedLately)))
                .containsExactlyInAnyOrder(youngEvent, halfHandled, relayedLately);
        assertThat(jdbc.queryForList("SELECT CONCAT(event_id, ' ', subscription) FROM event_delivery WHERE event_id IN (?, ?, ?, ?)",
                String.class, youngEvent, handled, halfHandled, relayedLately)).as("deliveries go with their event")
                .containsExactlyInAnyOrder(youngEvent + " task-progress", halfHandled + " task-progress",
                        halfHandled + " draw-on-threshold", relayedLately + " task-progress");
        assertThat(existing("notification_log", List.of(youngLog, sent, parked, retried, tooYoung)))
                .containsExactlyInAnyOrder(youngLog, parked, tooYoung);
        assertThat(existing("notification_dead_letter", List.of(parkedLetter, retriedLetter))).containsExactly(parkedLetter);
        assertThat(jdbc.queryForList("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = ? AND JOB_INSTANCE_ID "
                + "IN (?, ?, ?, ?, ?, ?, ?, ?)", Long.class, FIXTURE_JOB, abandonedStart, completed, abandoned, failedLongAgo,
                failedLately, restartedLately, runningForLong, starting))
                .containsExactlyInAnyOrder(failedLately, restartedLately, runningForLong, starting);
        assertThat(batchRows(List.of(abandonedStart, completed, abandoned, failedLongAgo))).as("nothing left of them")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?", Integer.class,
                restartedLately)).as("the executions a restart reads").isEqualTo(2);
        assertThat(auditRows()).as("audit records are never touched").isEqualTo(auditRows + 2);
        assertThat(existing("audit_log", List.of(oldAudit))).hasSize(1);
        assertThat(existing("report_archive", List.of(oldReport))).hasSize(1);
        assertThat(board.jobNames()).contains("retentionJob");

        // when run again
        JobExecution second = retention.run();

        // then
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactlyInAnyOrder("outboxEvents", "notificationLogs", "batchHistory");
        assertThat(second.getStepExecutions()).as("nothing more to remove")
                .allSatisfy(step -> assertThat(step.getReadCount()).isZero());
        assertThat(existing("BATCH_JOB_INSTANCE", "JOB_INSTANCE_ID", List.of(first.getJobInstance().getInstanceId())))
                .as("the last run's own record").hasSize(1);
    }

    @Test
    void aRunFailedMidStepRestartsAfterItsLastCommittedChunkAndRemovesTheRest() throws Exception {
        // given: nothing old enough from earlier tests, then 1,250 old logs: chunks of 500, 500 and 250
        assertThat(retention.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long recipient = userIdOf(newUserToken());
        String batch = "retention-" + UUID.randomUUID();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1_250; i++) {
            rows.add(new Object[] {recipient, batch + "-" + i});
        }
        jdbc.batchUpdate("INSERT INTO notification_log (create_time, user_id, kind, reference, notify_day, state) "
                + "VALUES (NOW(3) - INTERVAL 100 DAY, ?, 'CHECKIN_REMINDER', ?, CURRENT_DATE - INTERVAL 100 DAY, 'SENT')", rows);
        Instant asOf = Instant.now();
        clock.set(asOf);

        // when the commit of the second chunk fails
        JobExecution failed;
        try (InjectedFault fault = InjectedFault.atCommit(jdbc, "notificationLogs", 2, "asOf", asOf)) {
            failed = retention.run();
        }

        // then the first chunk is gone, the second rolled back
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(logsLeft(batch)).isEqualTo(750);

        // when restarted (as the console does: the same instance again)
        JobExecution restarted = jobs.start(retentionJob, failed.getJobParameters());

        // then it goes on after the first chunk and removes the rest, without running the finished step again
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactlyInAnyOrder("notificationLogs", "batchHistory");
        StepExecution resumed = restarted.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("notificationLogs")).findFirst().orElseThrow();
        assertThat(resumed.getReadCount()).as("read after the committed chunk only").isEqualTo(750);
        assertThat(resumed.getWriteCount()).isEqualTo(750);
        assertThat(logsLeft(batch)).isZero();
    }

    @Test
    void staffCanRunItFromTheConsole() throws Exception {
        long before = board.recent("retentionJob", null, 1).stream().mapToLong(JobProgress::executionId).max().orElse(0);

        console.launch(JobConsole.Launchable.RETENTION);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<JobProgress> completed;
        do {
            Thread.sleep(50);
            completed = board.recent("retentionJob", "COMPLETED", 1);
        } while ((completed.isEmpty() || completed.get(0).executionId() <= before) && System.nanoTime() < deadline);
        assertThat(completed).as("a new completed run").singleElement()
                .satisfies(run -> assertThat(run.executionId()).isGreaterThan(before));
    }

    @AfterEach
    void forgetWhatWasKept() {
        // what the job rightly keeps (a dead letter, a running execution) would otherwise stay in the test database
        for (long event : keptEvents) {
            jdbc.update("DELETE FROM event_delivery WHERE event_id = ?", event);
            jdbc.update("DELETE FROM outbox_event WHERE id = ?", event);
        }
        for (long log : keptLogs) {
            jdbc.update("DELETE FROM notification_dead_letter WHERE notification_log_id = ?", log);
            jdbc.update("DELETE FROM notification_log WHERE id = ?", log);
        }
        for (long instance : keptInstances) {
            List<Long> executions = jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION "
                    + "WHERE JOB_INSTANCE_ID = ?", Long.class, instance);
            for (long execution : executions) {
                for (long step : jdbc.queryForList("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION "
                        + "WHERE JOB_EXECUTION_ID = ?", Long.class, execution)) {
                    jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID = ?", step);
                    jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?", step);
                }
                jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID = ?", execution);
                jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?", execution);
                jdbc.update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
            }
            jdbc.update("DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID = ?", instance);
        }
        keptAudit.forEach(id -> jdbc.update("DELETE FROM audit_log WHERE id = ?", id));
        keptReports.forEach(id -> jdbc.update("DELETE FROM report_archive WHERE id = ?", id));
    }

    /** One execution of a fixture instance: its status, and how many days ago it was created and last written. */
    private record Run(String status, int daysAgo) {
    }

    /** A job instance with these executions, made by Batch's own repository, then aged. */
    private long instance(String fixture, String name, Run... runs) {
        JobParameters parameters = parameters(fixture, name);
        JobInstance instance = repository.createJobInstance(FIXTURE_JOB, parameters);
        for (Run run : runs) {
            JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
            repository.createStepExecution("fixtureStep", execution);
            boolean running = run.status().equals("STARTED");
            jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = ?, EXIT_CODE = ?, CREATE_TIME = NOW(6) - INTERVAL ? DAY, "
                    + "START_TIME = NOW(6) - INTERVAL ? DAY, END_TIME = IF(?, NULL, NOW(6) - INTERVAL ? DAY), "
                    + "LAST_UPDATED = NOW(6) - INTERVAL ? DAY WHERE JOB_EXECUTION_ID = ?", run.status(),
                    running ? "EXECUTING" : run.status(), run.daysAgo(), run.daysAgo(), running, run.daysAgo(), run.daysAgo(),
                    execution.getId());
            jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = ?, CREATE_TIME = NOW(6) - INTERVAL ? DAY, "
                    + "LAST_UPDATED = NOW(6) - INTERVAL ? DAY WHERE JOB_EXECUTION_ID = ?", run.status(), run.daysAgo(),
                    run.daysAgo(), execution.getId());
        }
        return instance.getInstanceId();
    }

    private static JobParameters parameters(String fixture, String name) {
        return new JobParametersBuilder().addString("fixture", fixture + "-" + name, true).toJobParameters();
    }

    /** Rows of these instances in all six of Batch's tables. */
    private int batchRows(List<Long> instances) {
        String in = String.join(",", instances.stream().map(String::valueOf).toList());
        String executions = "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID IN (" + in + ")";
        String steps = "SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executions + ")";
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID IN (" + in + "))"
                + " + (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID IN (" + in + "))"
                + " + (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (" + executions + "))"
                + " + (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (" + executions + "))"
                + " + (SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID IN (" + steps + "))"
                + " + (SELECT COUNT(*) FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (" + steps + "))",
                Integer.class);
    }

    /** An outbox event created and relayed {@code daysAgo}, of a type no subscription wants. */
    private long oldEvent(int daysAgo) {
        long marker = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        jdbc.update("INSERT INTO outbox_event (create_time, event_type, aggregate_type, aggregate_id, payload, published_time) "
                + "VALUES (NOW(3) - INTERVAL ? DAY, 'RetentionFixture', 'retention-test', ?, '{}', NOW(3) - INTERVAL ? DAY)",
                daysAgo, marker, daysAgo);
        return jdbc.queryForObject("SELECT id FROM outbox_event WHERE aggregate_type = 'retention-test' AND aggregate_id = ?",
                Long.class, marker);
    }

    /** A delivery handled long ago, or one set aside after every attempt failed (a dead letter of the event flows). */
    private void delivery(long eventId, String subscription, boolean done) {
        jdbc.update("INSERT INTO event_delivery (subscription, event_id, relay_time, attempts, last_error, done_time, done_by) "
                + "VALUES (?, ?, NOW(3) - INTERVAL 40 DAY, ?, ?, IF(?, NOW(3) - INTERVAL 40 DAY, NULL), ?)", subscription,
                eventId, done ? 0 : 10, done ? null : "handler failed", done, done ? "test" : null);
    }

    private long oldLog(long userId, String state) {
        String reference = "retention-" + UUID.randomUUID();
        jdbc.update("INSERT INTO notification_log (create_time, user_id, kind, reference, notify_day, state) "
                + "VALUES (NOW(3) - INTERVAL 100 DAY, ?, 'CHECKIN_REMINDER', ?, CURRENT_DATE - INTERVAL 100 DAY, ?)",
                userId, reference, state);
        return jdbc.queryForObject("SELECT id FROM notification_log WHERE reference = ?", Long.class, reference);
    }

    private long deadLetter(long logId, boolean resolved) {
        jdbc.update("INSERT INTO notification_dead_letter (create_time, notification_log_id, error, resolved) "
                + "VALUES (NOW(3) - INTERVAL 100 DAY, ?, 'wechat 500', ?)", logId, resolved ? 1 : 0);
        return jdbc.queryForObject("SELECT MAX(id) FROM notification_dead_letter WHERE notification_log_id = ?", Long.class,
                logId);
    }

    private int logsLeft(String batch) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_log WHERE reference LIKE ?", Integer.class,
                batch + "-%");
    }

    private List<Long> existing(String table, List<Long> ids) {
        return existing(table, "id", ids);
    }

    private List<Long> existing(String table, String key, List<Long> ids) {
        return jdbc.queryForList("SELECT " + key + " FROM " + table + " WHERE " + key + " IN ("
                + String.join(",", ids.stream().map(String::valueOf).toList()) + ")", Long.class);
    }

    /** A system entry of the audit log, 400 days old. */
    private long oldAuditEntry() {
        String target = "retention-" + UUID.randomUUID();
        jdbc.update("INSERT INTO audit_log (create_time, actor_type, action, target_type, target_id) "
                + "VALUES (NOW(3) - INTERVAL 400 DAY, 'SYSTEM', 'RETENTION_TEST', 'test', ?)", target);
        long id = jdbc.queryForObject("SELECT id FROM audit_log WHERE target_id = ?", Long.class, target);
        keptAudit.add(id);
        return id;
    }

    /** An archived report entry, 400 days old. */
    private long oldReport() {
        String params = "{\"retention\":\"" + UUID.randomUUID() + "\"}";
        jdbc.update("INSERT INTO report_archive (create_time, report_type, format, params_json, state, error) "
                + "VALUES (NOW(3) - INTERVAL 400 DAY, 'RECONCILIATION', 'CSV', ?, 'FAILED', 'retention test')", params);
        long id = jdbc.queryForObject("SELECT id FROM report_archive WHERE params_json = ?", Long.class, params);
        keptReports.add(id);
        return id;
    }

    /** Draw records, participations, the audit log and the report archive: retention never removes any. */
    private long auditRows() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM draw_record) + (SELECT COUNT(*) FROM lottery_participation)"
                + " + (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM report_archive)", Long.class);
    }
}
