package com.luckify.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector in the test: accepts what Luckify's OTLP span exporter posts to
 * {@code http://127.0.0.1:PORT/v1/traces} (OTLP/HTTP, protobuf, as the exporter sends it by default) and keeps the
 * spans, decoded from the protobuf wire format as far as a test needs: trace, span and parent ids, name, kind and
 * the attributes with string, integer or boolean values. One per JVM and never stopped, as every process a test
 * starts may still export late.
 */
public final class OtlpReceiver {

    private static final OtlpReceiver INSTANCE = start();

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver instance() {
        return INSTANCE;
    }

    private static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    public String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public Optional<ReceivedSpan> find(Predicate<ReceivedSpan> which) {
        return spans.stream().filter(which).findFirst();
    }

    public List<ReceivedSpan> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || type == null || !type.startsWith("application/x-protobuf")) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            // ExportTraceServiceRequest: 1 = ResourceSpans; ResourceSpans: 2 = ScopeSpans; ScopeSpans: 2 = Span
            for (Wire resourceSpans : new Wire(body).messages(1)) {
                for (Wire scopeSpans : resourceSpans.messages(2)) {
                    for (Wire span : scopeSpans.messages(2)) {
                        spans.add(ReceivedSpan.decode(span));
                    }
                }
            }
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.flush();
            }
        }
    }

    /**
     * A span as the exporter sent it; ids in lower-case hex as in {@code traceparent}, {@code parentSpanId} empty
     * for a root span.
     */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, int kind,
            Map<String, String> attributes) {

        public static final int KIND_SERVER = 2;
        public static final int KIND_CONSUMER = 5;

        static ReceivedSpan decode(Wire span) {
            // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes (KeyValue)
            Map<String, String> attributes = new HashMap<>();
            for (Wire keyValue : span.messages(9)) {
                String key = keyValue.string(1);
                // AnyValue: 1 string_value, 2 bool_value, 3 int_value
                Wire value = keyValue.messages(2).stream().findFirst().orElse(new Wire(new byte[0]));
                String text = value.has(1) ? value.string(1)
                        : value.has(2) ? String.valueOf(value.varint(2) != 0)
                        : value.has(3) ? String.valueOf(value.varint(3)) : "";
                attributes.put(key, text);
            }
            return new ReceivedSpan(hex(span.bytes(1)), hex(span.bytes(2)), hex(span.bytes(4)), span.string(5),
                    (int) span.varint(6), Map.copyOf(attributes));
        }

        private static String hex(byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** One protobuf message's fields, read from the wire format (varint, 64-bit, length-delimited, 32-bit). */
    static final class Wire {

        private final Map<Integer, List<Object>> fields = new HashMap<>();

        Wire(byte[] message) {
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = readVarint(message, at);
                int field = (int) (tag >>> 3);
                Object value = switch ((int) (tag & 7)) {
                    case 0 -> readVarint(message, at);
                    case 1 -> skip(message, at, 8);
                    case 2 -> skip(message, at, (int) readVarint(message, at));
                    case 5 -> skip(message, at, 4);
                    default -> throw new IllegalArgumentException("wire type " + (tag & 7) + " at " + at[0]);
                };
                fields.computeIfAbsent(field, key -> new CopyOnWriteArrayList<>()).add(value);
            }
        }

        boolean has(int field) {
            return fields.containsKey(field);
        }

        List<Wire> messages(int field) {
            return fields.getOrDefault(field, List.of()).stream().map(value -> new Wire((byte[]) value)).toList();
        }

        byte[] bytes(int field) {
            return has(field) ? (byte[]) fields.get(field).get(0) : new byte[0];
        }

        String string(int field) {
            return new String(bytes(field), StandardCharsets.UTF_8);
        }

        long varint(int field) {
            return has(field) ? (Long) fields.get(field).get(0) : 0;
        }

        private static long readVarint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = message[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        private static byte[] skip(byte[] message, int[] at, int length) {
            byte[] value = Arrays.copyOfRange(message, at[0], at[0] + length);
            at[0] += length;
            return value;
        }
    }
}
