package com.luckify.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * {@link EventTracing} on the OpenTelemetry SDK through Micrometer's bridge, as the app runs it: the context an
 * event records, and the spans its consumer runs in, for one event, a batch of one request's events, a batch mixing
 * requests, an event recorded outside any span, and a failing handler.
 */
class EventTracingTest {

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting())).build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final EventTracing tracing = tracing(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void outsideAnySpanAnEventRecordsNoContext() {
        assertThat(tracing.current()).isEqualTo(EventTrace.NONE);
    }

    @Test
    void anEventRecordsTheCurrentSpanAsW3cTraceparent() {
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            assertThat(tracing.current().traceParent())
                    .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
        } finally {
            request.end();
        }
    }

    @Test
    void theConsumerOfOneRequestsEventsWorksInChildSpansOfTheRecordedSpan() {
        EventTrace recorded = recordedIn("request A");
        List<String> seenByWork = new ArrayList<>();
        List<String> seenPerEvent = new ArrayList<>();

        tracing.handling(Subscription.TASK_PROGRESS, List.of(new EventTracing.Traced(1, "LotteryJoined", recorded),
                new EventTracing.Traced(2, "LotteryCreated", recorded)),
                event -> seenPerEvent.add(tracer.currentSpan().context().spanId()),
                () -> seenByWork.add(tracer.currentSpan().context().spanId()));

        SpanData joined = span("event LotteryJoined -> task-progress");
        SpanData created = span("event LotteryCreated -> task-progress");
        SpanData request = span("request A");
        for (SpanData consumer : List.of(joined, created)) {
            assertThat(consumer.getTraceId()).isEqualTo(request.getTraceId());
            assertThat(consumer.getParentSpanId()).isEqualTo(request.getSpanId());
            assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(consumer.getAttributes().get(AttributeKey.stringKey("luckify.subscription")))
                    .isEqualTo("task-progress");
        }
        assertThat(joined.getAttributes().get(AttributeKey.longKey("luckify.event.id"))).isEqualTo(1L);
        assertThat(seenPerEvent).containsExactly(joined.getSpanId(), created.getSpanId());
        assertThat(seenByWork).as("one request: the work runs in the first event's span").containsExactly(joined.getSpanId());
        assertThat(exported).noneMatch(span -> span.getName().startsWith("events ->"));
    }

    @Test
    void aBatchMixingRequestsKeepsEachEventInItsTraceAndRunsInABatchSpanLinkedToThem() {
        EventTrace a = recordedIn("request A");
        EventTrace b = recordedIn("request B");
        List<String> seenPerEvent = new ArrayList<>();
        List<String> seenByWork = new ArrayList<>();

        tracing.handling(Subscription.TASK_PROGRESS, List.of(new EventTracing.Traced(1, "LotteryJoined", a),
                new EventTracing.Traced(2, "LotteryJoined", b)),
                event -> seenPerEvent.add(tracer.currentSpan().context().traceId()),
                () -> seenByWork.add(tracer.currentSpan().context().spanId()));

        SpanData requestA = span("request A");
        SpanData requestB = span("request B");
        List<SpanData> consumers = exported.stream().filter(span -> span.getName().equals("event LotteryJoined -> task-progress"))
                .toList();
        assertThat(consumers).extracting(SpanData::getTraceId).containsExactlyInAnyOrder(requestA.getTraceId(),
                requestB.getTraceId());
        assertThat(consumers).extracting(SpanData::getParentSpanId).containsExactlyInAnyOrder(requestA.getSpanId(),
                requestB.getSpanId());
        assertThat(seenPerEvent).as("each event's line in its request's trace")
                .containsExactly(requestA.getTraceId(), requestB.getTraceId());
        SpanData batch = span("events -> task-progress");
        assertThat(batch.getTraceId()).isNotIn(requestA.getTraceId(), requestB.getTraceId());
        assertThat(batch.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactlyInAnyOrderElementsOf(consumers.stream().map(SpanData::getSpanId).toList());
        assertThat(seenByWork).containsExactly(batch.getSpanId());
    }

    @Test
    void anEventRecordedOutsideAnySpanStartsATraceOfItsOwn() {
        tracing.handling(Subscription.TASK_PROGRESS, List.of(new EventTracing.Traced(7, "LotteryCreated", EventTrace.NONE)),
                event -> { }, () -> { });

        SpanData consumer = span("event LotteryCreated -> task-progress");
        assertThat(consumer.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void aFailingHandlerEndsItsSpansAsErrorsAndThrows() {
        EventTrace recorded = recordedIn("request A");

        assertThatThrownBy(() -> tracing.handling(Subscription.TASK_PROGRESS,
                List.of(new EventTracing.Traced(1, "LotteryJoined", recorded)), event -> { }, () -> {
                    throw new IllegalStateException("refused");
                })).isInstanceOf(IllegalStateException.class);

        assertThat(span("event LotteryJoined -> task-progress").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(tracer.currentSpan()).as("no span left in scope").isNull();
    }

    /** What Outbox records for an event written inside a request's span (ended afterwards, as the request ends). */
    private EventTrace recordedIn(String request) {
        Span span = tracer.nextSpan().name(request).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return tracing.current();
        } finally {
            span.end();
        }
    }

    private SpanData span(String name) {
        return exported.stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + exported.stream().map(SpanData::getName)
                        .toList()));
    }

    private static EventTracing tracing(Tracer tracer, Propagator propagator) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("tracer", tracer);
        beans.registerSingleton("propagator", propagator);
        return new EventTracing(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class));
    }

    private final class Collecting implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
