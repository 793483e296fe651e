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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for {@code api.weixin.qq.com}: answers {@code /sns/jscode2session} from a table of
 * codes the test registers (WeChat's own error answer for any other code), and the content-security check
 * {@code /wxa/msg_sec_check} by markers in the text, and subscribe messages (accepted and recorded, or
 * answered with the errors a test scripts for an openid). The log-in exchange can be made to fail or hang
 * ({@link #logInOutage}), as a WeChat in trouble does. Access tokens are granted as WeChat grants them: each
 * {@code /cgi-bin/token} fetch makes a new one, {@code /cgi-bin/stable_token} hands out the same one until a forced
 * refresh; {@link #tokenGrants()} counts both.
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
    private final Map<String, String> subscribeTokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokenGrants = new AtomicInteger();
    private final AtomicInteger tokenSequence = new AtomicInteger();
    private volatile String stableToken;
    private final Troubles logIn = new Troubles();
    private final Map<String, String> phoneAnswers = new ConcurrentHashMap<>();
    private final Troubles phone = new Troubles();

    /** What the log-in exchange does: answer, fail with WeChat's "system busy", or hang until the outage ends. */
    public enum Outage {
        NONE, FAILING, HANGING
    }

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

    /** From now on the log-in exchange behaves as {@code outage} says; {@link Outage#NONE} also ends a hang. */
    public void logInOutage(Outage outage) {
        logIn.set(outage);
    }

    /** How many log-in exchanges reached the stub so far. */
    public int logInCalls() {
        return logIn.calls.get();
    }

    /**
     * The phone-number button's {@code code} stands for this number, once: WeChat answers a code only the first time
     * (then 40029, as for an unknown code). {@code countryCode} without "+", e.g. "86".
     */
    public void phoneNumber(String code, String countryCode, String purePhoneNumber) {
        String phoneNumber = "86".equals(countryCode) ? purePhoneNumber : "+" + countryCode + " " + purePhoneNumber;
        phoneAnswers.put(code, "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + phoneNumber
                + "\",\"purePhoneNumber\":\"" + purePhoneNumber + "\",\"countryCode\":\"" + countryCode
                + "\",\"watermark\":{\"timestamp\":" + System.currentTimeMillis() / 1000
                + ",\"appid\":\"wx-test-app\"}}}");
    }

    /** The phone-number exchange of {@code code} answers with WeChat's error object (e.g. -1 system busy, 45011). */
    public void phoneError(String code, int errcode, String errmsg) {
        phoneAnswers.put(code, "{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
    }

    /** From now on the phone-number exchange answers, fails with "system busy" (-1) or hangs, as {@code outage} says. */
    public void phoneOutage(Outage outage) {
        phone.set(outage);
    }

    /** How many phone-number exchanges reached the stub so far. */
    public int phoneCalls() {
        return phone.calls.get();
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

    /** The access tokens the subscribe messages accepted for {@code openId} were sent with, oldest first. */
    public List<String> accessTokensOfMessagesTo(String openId) {
        return subscribeMessagesTo(openId).stream().map(subscribeTokens::get).toList();
    }

    /** How many access tokens were handed out so far (plain and stable fetches). */
    public int tokenGrants() {
        return tokenGrants.get();
    }

    private String newToken() {
        return "stub-token-" + tokenSequence.incrementAndGet();
    }

    private static WeChatStub start() {
        try {
            // small answers would otherwise wait for the client's delayed ACK (Nagle): some 40 ms a call
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WeChatStub stub = new WeChatStub(server);
            server.createContext("/sns/jscode2session", exchange -> {
                stub.logIn.arrive();
                String code = queryParameter(exchange.getRequestURI(), "js_code");
                String body = stub.logIn.failing() ? "{\"errcode\":-1,\"errmsg\":\"system error\"}"
                        : stub.answers.getOrDefault(code, "{\"errcode\":40029,\"errmsg\":\"invalid code, rid: stub\"}");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.createContext("/wxa/business/getuserphonenumber", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                stub.phone.arrive();
                String code = request.replaceAll("(?s).*\"code\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                String body;
                if (queryParameter(exchange.getRequestURI(), "access_token").isEmpty()) {
                    body = "{\"errcode\":41001,\"errmsg\":\"access_token missing\"}";
                } else if (stub.phone.failing()) {
                    body = "{\"errcode\":-1,\"errmsg\":\"system error\"}";
                } else {
                    // a code is single-use: WeChat answers it once, later exchanges as an unknown code
                    String answer = stub.phoneAnswers.remove(code);
                    body = answer != null ? answer : "{\"errcode\":40029,\"errmsg\":\"invalid code, rid: stub\"}";
                }
                answerJson(exchange, body);
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
                    stub.subscribeTokens.put(request, queryParameter(exchange.getRequestURI(), "access_token"));
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
            // the SDK fetches an access token before any call, even where WeChat does not need one. A plain fetch
            // grants a new token each time (WeChat then invalidates the previous one); the stable one stays the same
            server.createContext("/cgi-bin/token", exchange -> {
                stub.tokenGrants.incrementAndGet();
                answerJson(exchange, "{\"access_token\":\"" + stub.newToken() + "\",\"expires_in\":7200}");
            });
            server.createContext("/cgi-bin/stable_token", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String token;
                synchronized (stub) {
                    stub.tokenGrants.incrementAndGet();
                    if (stub.stableToken == null || request.replace(" ", "").contains("\"force_refresh\":true")) {
                        stub.stableToken = stub.newToken();
                    }
                    token = stub.stableToken;
                }
                answerJson(exchange, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
            });
            server.createContext("/cgi-bin/", exchange -> {
                byte[] bytes = "{\"access_token\":\"stub-token\",\"expires_in\":7200}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            // a thread per exchange: a hanging answer must not hold up the others
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "wechat-stub");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the WeChat stub", e);
        }
    }

    private static void answerJson(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
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

    /** One WeChat API's calls and the outage a test scripts for it: answering, failing, or hanging until it ends. */
    private static final class Troubles {

        private final AtomicInteger calls = new AtomicInteger();
        private volatile Outage outage = Outage.NONE;
        private volatile CountDownLatch hangUntil = new CountDownLatch(0);

        /** {@link Outage#NONE} and {@link Outage#FAILING} also end a hang. */
        void set(Outage next) {
            CountDownLatch previous = hangUntil;
            hangUntil = next == Outage.HANGING ? new CountDownLatch(1) : new CountDownLatch(0);
            outage = next;
            previous.countDown();
        }

        /** Counts a call, and holds it while the API hangs. */
        void arrive() {
            calls.incrementAndGet();
            if (outage == Outage.HANGING) {
                try {
                    // never longer than 10 s, so a forgotten hang cannot keep threads forever
                    hangUntil.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean failing() {
            return outage == Outage.FAILING;
        }
    }
}
