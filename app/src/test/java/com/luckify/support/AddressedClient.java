package com.luckify.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Talks to the server from a loopback address of its own (127.x.y.z, never 127.0.0.1), so the server sees a client
 * address no other test uses, as it sees phones behind different carrier addresses; per-address budgets are then
 * the test's alone. One plain HTTP/1.1 request per connection ({@link java.net.http.HttpClient} cannot choose its
 * local address on Java 17). {@link #forwardedFor} plays a proxy instead, for addresses loopback cannot have (IPv6).
 */
public final class AddressedClient {

    private static final byte[] CRLF = {'\r', '\n'};

    private final int port;
    private final InetAddress address;
    private final String forwardedFor;

    private AddressedClient(int port, InetAddress address, String forwardedFor) {
        this.port = port;
        this.address = address;
        this.forwardedFor = forwardedFor;
    }

    /**
     * A proxy at 127.0.0.1 forwarding the requests of a client at {@code clientAddress} (any IPv4 or IPv6 literal) in
     * {@code X-Forwarded-For}. The server takes it for the client's address only where it trusts the proxy:
     * {@code server.forward-headers-strategy=native}, loopback being among Tomcat's internal proxies.
     */
    public static AddressedClient forwardedFor(int port, String clientAddress) {
        return new AddressedClient(port, InetAddress.getLoopbackAddress(), clientAddress);
    }

    /** A client at a random loopback address, fresh for this run (budgets of earlier runs live a minute in Redis). */
    public static AddressedClient atFreshAddress(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] octets = {127, (byte) random.nextInt(1, 255), (byte) random.nextInt(0, 256), (byte) random.nextInt(1, 255)};
        try {
            return new AddressedClient(port, InetAddress.getByAddress(octets), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return forwardedFor != null ? forwardedFor : address.getHostAddress();
    }

    public ApiClient.Response post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    public ApiClient.Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    /** {@code token}: a bearer token, or null for none. */
    public ApiClient.Response send(String method, String path, String json, String token) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        if (forwardedFor != null) {
            head.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n");
        }
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status and body of a {@code Connection: close} answer, plain or chunked. */
    private static ApiClient.Response parse(InputStream in) throws IOException {
        byte[] answer = in.readAllBytes();
        int headEnd = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String head = new String(answer, 0, headEnd, StandardCharsets.US_ASCII);
        int status = Integer.parseInt(head.substring(9, 12));
        byte[] body = Arrays.copyOfRange(answer, headEnd + 4, answer.length);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new ApiClient.Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, CRLF, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] sought, int from) {
        for (int i = from; i <= bytes.length - sought.length; i++) {
            if (Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) {
                return i;
            }
        }
        throw new IllegalStateException("malformed HTTP answer");
    }
}
