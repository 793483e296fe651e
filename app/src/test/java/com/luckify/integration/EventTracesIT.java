package com.luckify.integration;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.common.EventDeliveries;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LuckifyProcesses;
import com.luckify.support.OtlpReceiver;
import com.luckify.support.OtlpReceiver.ReceivedSpan;
import com.luckify.support.RefusedTaskProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace from an instant-win request to the task progress it caused: the request's span, the LotteryJoined
 * event it recorded (its {@code trace_parent}), and the span in which the task-progress consumer handled that
 * event, as the OTLP exporter sends them to a collector (an in-process receiver here), and the consumer's log line
 * carrying the request's trace id, in the plain format here and in ECS JSON in another process that consumes.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        // every trace, exported at once (production samples a share: see the README)
        "management.tracing.sampling.probability=1.0",
        "management.tracing.export.enabled=true",
        "management.opentelemetry.tracing.export.schedule-delay=100ms" })
// a Spring context of its own (its properties): closed after the class, so its pool does not stay open
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventTracesIT extends IntegrationTest {

    private static final OtlpReceiver COLLECTOR = OtlpReceiver.instance();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LuckifyProcesses processes = new LuckifyProcesses();

    @Autowired
    EventConsumers consumers;

    @Autowired
    LoggingSystem logging;

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::tracesEndpoint);
    }

    @AfterEach
    void restore() {
        processes.close();
        consumers.resume();
        logging.setLogLevel(EventDeliveries.class.getName(), null);
    }

    @Test
    void theTaskProgressAnInstantWinCausedIsInTheRequestsTrace(CapturedOutput output) throws Exception {
        logging.setLogLevel(EventDeliveries.class.getName(), LogLevel.DEBUG);
        String player = newUserToken();
        long userId = userIdOf(player);
        long lotteryId = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 500_000)));

        assertThat(api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}", player)
                .code()).isEqualTo(200);
        awaitEventsHandled();
        assertThat(taskProgress(userId)).as("the join counted for the task").isEqualTo(1);

        Joined joined = joinedEvent(lotteryId, userId);
        ReceivedSpan request = awaitSpan("the instant-win request's span", span -> span.kind() == ReceivedSpan.KIND_SERVER
                && span.traceId().equals(joined.traceId()) && span.name().contains("instantParticipation"));
        ReceivedSpan consumer = awaitSpan("the task-progress consumer's span", span -> consumerOf(span, joined));

        assertThat(consumer.name()).isEqualTo("event LotteryJoined -> task-progress");
        assertThat(consumer.kind()).isEqualTo(ReceivedSpan.KIND_CONSUMER);
        assertThat(consumer.traceId()).as("one trace").isEqualTo(request.traceId());
        assertThat(consumer.parentSpanId()).as("the child of the span the event was recorded in")
                .isEqualTo(joined.spanId());
        assertThat(ancestors(consumer)).as("which is the request's span or one inside it").contains(request.spanId());

        // the line the consumer logged while handling the event carries the request's trace and its own span
        String line = output.getOut().lines()
                .filter(text -> text.contains("task-progress handling event " + joined.id() + " (LotteryJoined)"))
                .findFirst().orElseThrow(() -> new AssertionError("no consumer log line for event " + joined.id()));
        assertThat(line).contains(request.traceId()).contains(consumer.spanId());
    }

    @Test
    void aConsumersFailureIsLoggedWithTheTraceOfTheRequestThatRecordedTheEvent(CapturedOutput output) throws Exception {
        String player = newUserToken();
        long userId = userIdOf(player);
        long lotteryId = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 500_000)));
        try (RefusedTaskProgress refused = RefusedTaskProgress.of(jdbc, userId)) {
            assertThat(api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}", player)
                    .code()).isEqualTo(200);
            Joined joined = joinedEvent(lotteryId, userId);

            // the warning comes after the rollback, once the handling span has ended: it still names the request
            String warning = "task-progress could not handle event " + joined.id() + ":";
            await("the consumer's failure logged", 20, () -> output.getOut().contains(warning));
            String line = output.getOut().lines().filter(text -> text.contains(warning)).findFirst().orElseThrow();
            assertThat(line).contains(joined.traceId() + "-" + joined.spanId());
        }
    }

    @Test
    void anotherProcessHandlingTheEventJoinsTheTraceAndLogsItsIdsInEcs() throws Exception {
        consumers.pause();
        processes.start("traced", "--luckify.roles=worker", "--logging.structured.format.console=ecs",
                "--logging.level.com.luckify.common.EventDeliveries=debug",
                "--management.tracing.sampling.probability=1.0", "--management.tracing.export.enabled=true",
                "--management.opentelemetry.tracing.export.schedule-delay=100ms",
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + COLLECTOR.tracesEndpoint());
        String player = newUserToken();
        long userId = userIdOf(player);
        long lotteryId = createLottery(newUserToken(), lottery(3, 0, prize(1, 5, 500_000)));

        assertThat(api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}", player)
                .code()).isEqualTo(200);
        Joined joined = joinedEvent(lotteryId, userId);
        await("the other process counted the join", 120, () -> taskProgress(userId) != null && taskProgress(userId) == 1);
        assertThat(jdbc.queryForObject("SELECT done_by FROM event_delivery WHERE subscription = 'task-progress' "
                + "AND event_id = ?", String.class, joined.id())).isEqualTo("traced");

        ReceivedSpan request = awaitSpan("the instant-win request's span", span -> span.kind() == ReceivedSpan.KIND_SERVER
                && span.traceId().equals(joined.traceId()) && span.name().contains("instantParticipation"));
        ReceivedSpan consumer = awaitSpan("the other process's consumer span", span -> consumerOf(span, joined));
        assertThat(consumer.traceId()).isEqualTo(request.traceId());
        assertThat(consumer.parentSpanId()).isEqualTo(joined.spanId());
        assertThat(ancestors(consumer)).contains(request.spanId());

        JsonNode line = awaitEcsLine(Path.of("target", "process-traced.log"), joined.id());
        assertThat(line.path("traceId").asString()).isEqualTo(request.traceId());
        assertThat(line.path("spanId").asString()).isEqualTo(consumer.spanId());
        assertThat(line.path("ecs").path("version").asString()).as("an ECS document").isNotEmpty();
    }

    /** The LotteryJoined the attempt recorded, with the trace context kept in {@code outbox_event}. */
    private Joined joinedEvent(long lotteryId, long userId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT id, trace_parent FROM outbox_event WHERE event_type = "
                + "'LotteryJoined' AND aggregate_id = ? AND JSON_VALUE(payload, '$.userId') = ?", lotteryId, userId);
        String traceParent = (String) row.get("trace_parent");
        assertThat(traceParent).as("W3C traceparent of the request").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String[] parts = traceParent.split("-");
        return new Joined(((Number) row.get("id")).longValue(), parts[1], parts[2]);
    }

    private static boolean consumerOf(ReceivedSpan span, Joined joined) {
        return span.name().startsWith("event LotteryJoined")
                && String.valueOf(joined.id()).equals(span.attributes().get("luckify.event.id"));
    }

    /** The span ids from {@code span}'s parent up to its trace's root, as far as the collector has them. */
    private static List<String> ancestors(ReceivedSpan span) {
        Map<String, ReceivedSpan> byId = new HashMap<>();
        COLLECTOR.ofTrace(span.traceId()).forEach(each -> byId.put(each.spanId(), each));
        List<String> ancestors = new ArrayList<>();
        String parent = span.parentSpanId();
        while (!parent.isEmpty() && !ancestors.contains(parent)) {
            ancestors.add(parent);
            ReceivedSpan next = byId.get(parent);
            parent = next == null ? "" : next.parentSpanId();
        }
        return ancestors;
    }

    private static ReceivedSpan awaitSpan(String what, Predicate<ReceivedSpan> which)
            throws InterruptedException {
        await(what + " at the collector", 30, () -> COLLECTOR.find(which).isPresent());
        return COLLECTOR.find(which).orElseThrow();
    }

    private static JsonNode awaitEcsLine(Path log, long eventId) throws InterruptedException {
        JsonNode[] found = new JsonNode[1];
        await("the ECS line of the consumer", 30, () -> {
            found[0] = ecsLines(log).stream().filter(line -> line.path("message").asString()
                    .equals("task-progress handling event " + eventId + " (LotteryJoined)")).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static List<JsonNode> ecsLines(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.startsWith("{")).map(line -> {
                try {
                    return Optional.of(JSON.readTree(line));
                } catch (RuntimeException e) {
                    return Optional.<JsonNode>empty();
                }
            }).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Integer taskProgress(long userId) {
        List<Integer> progress = jdbc.queryForList("SELECT progress FROM task_record WHERE user_id = ? AND task_id = 1",
                Integer.class, userId);
        return progress.isEmpty() ? null : progress.get(0);
    }

    private record Joined(long id, String traceId, String spanId) {
    }
}
