package com.luckify.common;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Carries traces through the outbox: {@link #current()} is the W3C context recorded with an event, and
 * {@link #handling} runs a consumer's work in spans that are children of the spans the events were recorded in,
 * so a request, the events it wrote and what each consumer did for them are one trace, and the consumer's log
 * lines carry the request's trace id. Without a tracer (tracing not on the class path) nothing is recorded and the
 * work runs as it is.
 */
@Component
public class EventTracing {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** The MDC keys Micrometer Tracing fills for a span in scope, and Boot's log formats print. */
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private final Tracer tracer;
    private final Propagator propagator;

    EventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /** The context of the span current on this thread (sampled or not), or {@link EventTrace#NONE}. */
    public EventTrace current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return EventTrace.NONE;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        String traceParent = headers.get(TRACEPARENT);
        if (traceParent == null || traceParent.length() > 55) {
            return EventTrace.NONE;
        }
        String traceState = headers.get(TRACESTATE);
        return new EventTrace(traceParent, traceState == null || traceState.isEmpty() ? null : traceState);
    }

    /**
     * Runs {@code work}, the handling of {@code events} by {@code subscription}'s consumer, in one span per event
     * named {@code event <type> -> <subscription>}, each the child of the span its event was recorded in (a new
     * trace for an event recorded outside any). {@code eachEvent} is called for each event inside its own span
     * (for a log line that carries the event's trace, whatever the batch). The work runs in the first event's span
     * when all the events come from one trace (one request); a batch from several traces (the relay batches what
     * is pending, so under load it mixes requests) runs in a span of its own, linked to each event's span, as it
     * cannot sit in several traces at once, and is not split: handlers write a batch in a few statements.
     */
    public void handling(Subscription subscription, List<Traced> events, Consumer<Traced> eachEvent, Runnable work) {
        if (events.isEmpty()) {
            work.run();
            return;
        }
        List<Span> spans = new ArrayList<>(events.size());
        for (Traced event : events) {
            spans.add(parentOf(event.trace()).name("event " + event.type() + " -> " + subscription.key())
                    .kind(Span.Kind.CONSUMER)
                    .tag("luckify.subscription", subscription.key())
                    .tag("luckify.event.id", event.id())
                    .tag("luckify.event.type", event.type())
                    .tag("luckify.event.batch", events.size())
                    .start());
        }
        for (int i = 0; i < events.size(); i++) {
            try (Tracer.SpanInScope scope = tracer.withSpan(spans.get(i))) {
                eachEvent.accept(events.get(i));
            }
        }
        Span batch = null;
        Span current = spans.get(0);
        if (spans.stream().map(span -> span.context().traceId()).distinct().count() > 1) {
            Span.Builder builder = tracer.spanBuilder().setNoParent().name("events -> " + subscription.key())
                    .kind(Span.Kind.CONSUMER)
                    .tag("luckify.subscription", subscription.key())
                    .tag("luckify.event.batch", events.size());
            spans.forEach(span -> builder.addLink(new Link(span.context())));
            batch = builder.start();
            current = batch;
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(current)) {
            work.run();
        } catch (RuntimeException | Error e) {
            spans.forEach(span -> span.error(e));
            if (batch != null) {
                batch.error(e);
            }
            throw e;
        } finally {
            spans.forEach(Span::end);
            if (batch != null) {
                batch.end();
            }
        }
    }

    /**
     * Runs {@code logging} with the trace and span ids {@code trace} names in the MDC, where a log line inside a
     * span finds them ({@code traceId}, {@code spanId}): for what is logged about an event once its handling span
     * has ended, such as a failure known only after the rollback. The line then leads to the request that recorded
     * the event. No span is made for it.
     */
    public void logInTraceOf(EventTrace trace, Runnable logging) {
        String[] parts = trace.isPresent() ? trace.traceParent().split("-") : new String[0];
        if (parts.length < 3) {
            logging.run();
            return;
        }
        String outerTrace = MDC.get(TRACE_ID);
        String outerSpan = MDC.get(SPAN_ID);
        MDC.put(TRACE_ID, parts[1]);
        MDC.put(SPAN_ID, parts[2]);
        try {
            logging.run();
        } finally {
            restore(TRACE_ID, outerTrace);
            restore(SPAN_ID, outerSpan);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private Span.Builder parentOf(EventTrace trace) {
        if (!trace.isPresent()) {
            return tracer.spanBuilder().setNoParent();
        }
        Map<String, String> headers = new HashMap<>();
        headers.put(TRACEPARENT, trace.traceParent());
        if (trace.traceState() != null) {
            headers.put(TRACESTATE, trace.traceState());
        }
        return propagator.extract(headers, Map::get);
    }

    /** What {@link #handling} needs to know of an event. */
    public record Traced(long id, String type, EventTrace trace) {
    }
}
