package com.luckify.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keep-alive HTTP/1.1 clients driven from one selector thread, the way wrk drives a server: each client has one
 * request in flight and sends the next as soon as the answer is complete. A thread per client would spend the
 * two cores the server needs on waking up 64 threads; an event loop costs a fraction of that.
 */
final class LoadDriver {

    /** The bytes of request number {@code i} (numbered across all clients). */
    interface Requests {
        byte[] request(int i);
    }

    /**
     * Throughput and latencies of one run; {@code errors} counts answers that were not a 200 with code 200;
     * {@code answers} counts each kind of answer by "HTTP status/code" (e.g. {@code 503/100012}).
     */
    record Result(double perSecond, double p50, double p99, int errors, Map<String, Integer> answers) {
    }

    private static final byte[] CODE = "{\"code\":".getBytes(StandardCharsets.US_ASCII);

    private LoadDriver() {
    }

    /** A JSON POST as the mini-program sends it; {@code token} null for an anonymous request. */
    static byte[] post(int port, String path, String json, String token) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    static Result drive(int port, int clients, Requests requests, Duration duration) throws IOException {
        Client[] all = new Client[clients];
        int[] next = {0};
        long end;
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < clients; c++) {
                all[c] = new Client(selector, port);
            }
            end = System.nanoTime() + duration.toNanos();
            for (Client client : all) {
                client.send(requests.request(next[0]++));
            }
            int open = clients;
            while (open > 0) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Client client = (Client) key.attachment();
                    if (key.isWritable()) {
                        client.write();
                    } else if (key.isReadable() && client.read(end)) {
                        if (System.nanoTime() < end) {
                            client.send(requests.request(next[0]++));
                        } else {
                            client.close();
                            open--;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        }
        long[] latencies = new long[0];
        int errors = 0;
        Map<String, Integer> answers = new TreeMap<>();
        for (Client client : all) {
            client.answers.forEach((kind, count) -> answers.merge(kind, count, Integer::sum));
            long[] part = Arrays.copyOf(client.latencies, client.count);
            long[] merged = Arrays.copyOf(latencies, latencies.length + part.length);
            System.arraycopy(part, 0, merged, latencies.length, part.length);
            latencies = merged;
            errors += client.errors;
        }
        Arrays.sort(latencies);
        return new Result(latencies.length / (double) duration.toSeconds(), percentile(latencies, 0.50),
                percentile(latencies, 0.99), errors, answers);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.round(p * sorted.length))] / 1e6;
    }

    /** One connection: writes a request, collects its answer, records how long it took. */
    private static final class Client {

        private final Selector selector;
        private final int port;
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(16_384);
        private long started;
        long[] latencies = new long[1 << 14];
        int count;
        int errors;
        final Map<String, Integer> answers = new TreeMap<>();

        Client(Selector selector, int port) throws IOException {
            this.selector = selector;
            this.port = port;
            connect();
        }

        /** Connects again too, as wrk does when the server ends a keep-alive connection. */
        private void connect() throws IOException {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, 0, this);
        }

        void send(byte[] request) throws IOException {
            out = ByteBuffer.wrap(request);
            in.clear();
            started = System.nanoTime();
            write();
        }

        void write() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what arrived; true once the whole answer is in. Answers completed after {@code end} are not counted. */
        boolean read(long end) throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                throw new IOException("the server closed a connection in the middle of an answer");
            }
            Answer answer = Answer.parse(in.array(), in.position());
            if (answer == null) {
                return false;
            }
            long finished = System.nanoTime();
            if (finished < end) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = finished - started;
                if (!answer.ok()) {
                    errors++;
                }
                answers.merge(answer.status() + "/" + answer.code(), 1, Integer::sum);
            }
            if (answer.close()) {
                channel.close();
                connect();
            }
            return true;
        }

        void close() throws IOException {
            channel.close();
        }
    }

    /**
     * A complete HTTP answer found in the bytes read so far; the body is either sized or chunked. {@code code} is
     * the envelope's {@code "code"}, or -1 when the body does not start with one.
     */
    private record Answer(int status, int code, boolean close) {

        boolean ok() {
            return status == 200 && code == 200;
        }

        static Answer parse(byte[] bytes, int length) {
            int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
            if (headEnd < 0) {
                return null;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.US_ASCII).toLowerCase();
            boolean close = head.contains("\r\nconnection: close");
            int bodyStart = headEnd + 4;
            int contentLength = header(head, "\r\ncontent-length:");
            int status = Integer.parseInt(head.substring(9, 12));
            if (contentLength >= 0) {
                return length < bodyStart + contentLength ? null
                        : new Answer(status, code(bytes, bodyStart, bodyStart + contentLength), close);
            }
            // chunked: the first chunk's data holds the body's start; complete at the zero-size chunk
            int at = bodyStart;
            int firstData = -1;
            while (true) {
                int lineEnd = indexOf(bytes, at, length, "\r\n");
                if (lineEnd < 0) {
                    return null;
                }
                int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII)
                        .split(";")[0].trim(), 16);
                if (size == 0) {
                    return length < lineEnd + 4 ? null
                            : new Answer(status, firstData < 0 ? -1 : code(bytes, firstData, length), close);
                }
                if (firstData < 0) {
                    firstData = lineEnd + 2;
                }
                at = lineEnd + 2 + size + 2;
                if (at > length) {
                    return null;
                }
            }
        }

        private static int header(String head, String name) {
            int at = head.indexOf(name);
            if (at < 0) {
                return -1;
            }
            int lineEnd = head.indexOf("\r\n", at + name.length());
            return Integer.parseInt(head.substring(at + name.length(), lineEnd < 0 ? head.length() : lineEnd).trim());
        }

        /** The digits after a body's leading {@code {"code":}, as every answer of the API starts. */
        private static int code(byte[] bytes, int at, int to) {
            if (!Arrays.equals(bytes, at, Math.min(at + CODE.length, bytes.length), CODE, 0, CODE.length)) {
                return -1;
            }
            int code = 0;
            for (int i = at + CODE.length; i < to && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
                code = code * 10 + (bytes[i] - '0');
            }
            return code;
        }

        private static int indexOf(byte[] bytes, int from, int to, String what) {
            byte[] needle = what.getBytes(StandardCharsets.US_ASCII);
            for (int i = from; i <= to - needle.length; i++) {
                if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
