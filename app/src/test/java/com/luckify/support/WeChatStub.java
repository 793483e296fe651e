package com.luckify.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for {@code api.weixin.qq.com}: answers {@code /sns/jscode2session} from a table of
 * codes the test registers (WeChat's own error answer for any other code), and the content-security check
 * {@code /wxa/msg_sec_check} by markers in the text, and subscribe messages (accepted and recorded, or
 * answered with the errors a test scripts for an openid).
 */
public final class WeChatStub {

    /** Texts containing these make the content-security check answer risky, review, or fail. */
    public static final String RISKY_TEXT = "stub-risky";
    public static final String REVIEW_TEXT = "stub-review";
    public static final String BROKEN_TEXT = "stub-broken";

    private static final WeChatStub INSTANCE = start();

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> subscribeAnswers = new ConcurrentHashMap<>();
    private final List<String> subscribeMessages = new CopyOnWriteArrayList<>();

    private WeChatStub(HttpServer server) {
        this.server = server;
    }

    public static WeChatStub instance() {
        return INSTANCE;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next exchange of {@code code} answers with this session. */
    public void session(String code, String openId, String sessionKeyBase64) {
        answers.put(code, "{\"openid\":\"" + openId + "\",\"session_key\":\"" + sessionKeyBase64 + "\",\"unionid\":\"\"}");
    }

    /** The exchange of {@code code} answers with WeChat's error object. */
    public void error(String code, int errcode, String errmsg) {
        answers.put(code, "{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
    }

    /** The next subscribe messages to {@code openId} get these WeChat error codes, in order; then success. */
    public void subscribeErrors(String openId, int... errcodes) {
        Deque<String> queue = subscribeAnswers.computeIfAbsent(openId, key -> new ConcurrentLinkedDeque<>());
        for (int errcode : errcodes) {
            queue.add("{\"errcode\":" + errcode + ",\"errmsg\":\"stub error " + errcode + "\"}");
        }
    }

    /** The bodies of the subscribe messages WeChat accepted for {@code openId}, oldest first. */
    public List<String> subscribeMessagesTo(String openId) {
        return subscribeMessages.stream().filter(body -> body.contains("\"" + openId + "\"")).toList();
    }

    private static WeChatStub start() {
        try {
            // small answers would otherwise wait for the client's delayed ACK (Nagle): some 40 ms a call
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WeChatStub stub = new WeChatStub(server);
            server.createContext("/sns/jscode2session", exchange -> {
                String code = queryParameter(exchange.getRequestURI(), "js_code");
                String body = stub.answers.getOrDefault(code,
                        "{\"errcode\":40029,\"errmsg\":\"invalid code, rid: stub\"}");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.createContext("/wxa/msg_sec_check", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                byte[] bytes = contentCheckAnswer(request).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.createContext("/cgi-bin/message/subscribe/send", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String openId = request.replaceAll("(?s).*\"touser\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                Deque<String> scripted = stub.subscribeAnswers.get(openId);
                String answer = scripted == null ? null : scripted.poll();
                if (answer == null) {
                    stub.subscribeMessages.add(request);
                    answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            // the SDK fetches an access token before any call, even where WeChat does not need one
            server.createContext("/cgi-bin/", exchange -> {
                byte[] bytes = "{\"access_token\":\"stub-token\",\"expires_in\":7200}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the WeChat stub", e);
        }
    }

    /**
     * WeChat's content-security answers, chosen by a marker in the text: {@link #RISKY_TEXT},
     * {@link #REVIEW_TEXT}, {@link #BROKEN_TEXT} (a system error), anything else passes. Answers in the v2
     * shape when the request carries an openid, in the v1 shape (errcode 87014 for risky) otherwise.
     */
    private static String contentCheckAnswer(String request) {
        boolean v2 = request.contains("\"openid\"");
        if (request.contains(BROKEN_TEXT)) {
            return "{\"errcode\":-1,\"errmsg\":\"system error\"}";
        }
        String suggest = request.contains(RISKY_TEXT) ? "risky" : request.contains(REVIEW_TEXT) ? "review" : "pass";
        if (!v2) {
            return suggest.equals("pass") ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                    : "{\"errcode\":87014,\"errmsg\":\"risky content\"}";
        }
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"suggest\":\"" + suggest
                + "\",\"label\":" + (suggest.equals("pass") ? 100 : 20001) + "},\"trace_id\":\"stub\"}";
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
