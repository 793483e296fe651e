package com.luckify.bench;

import com.luckify.LuckifyApplication;
import com.luckify.common.OutboxRelay;
import com.luckify.bench.LoadDriver.Result;
import com.luckify.web.security.TokenIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load benchmark, not a test: starts Luckify (test profile: MariaDB {@code luckify_test}, Redis db 1) and drives
 * it over HTTP from {@value #CLIENTS} concurrent keep-alive clients ({@link LoadDriver}), then prints requests/s,
 * p50, p99 and errors for a trivial authenticated endpoint, the public lottery list, the comment list, check-in
 * and instant-win attempts, in that order. Then the overload runs: {@value #CROWD} connections at once on check-in
 * and on instant win, {@code bench.overloadSeconds} (20) each, counting every kind of answer (only successes,
 * refusals and "busy" are allowed: never 100001 or 100005) and checking that the process is healthy afterwards.
 * Run with {@code ./mvnw -B -Pbench -DskipTests verify -pl app -am}; client and server share the 2 cores, and a
 * flight recording of the run lands in {@code app/target/bench.jfr}. The JIT needs the long warm-up here.
 */
public final class ApiBenchmark {

    static final int CLIENTS = 64;
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 20));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
    /** Each instant attempt needs a user who has not entered yet. */
    private static final int INSTANT_USERS = Integer.getInteger("bench.instantUsers", 120_000);
    // every check-in needs a user who has not checked in today
    private static final int CHECKIN_USERS = Integer.getInteger("bench.checkinUsers", 400_000);
    /**
     * {@code -Dbench.only=trivial,list,comments,checkin,instant,checkin-600,instant-600} measures only these, to
     * profile one endpoint or to run the overload part alone.
     */
    private static final List<String> ONLY = List.of(System.getProperty("bench.only",
            "trivial,list,comments,checkin,instant,checkin-600,instant-600").split(","));
    static final int CROWD = 600;
    private static final Duration OVERLOAD = Duration.ofSeconds(Integer.getInteger("bench.overloadSeconds", 20));
    private static final Duration OVERLOAD_WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.overloadWarmupSeconds", 10));
    /** Fresh users for each overload run, warm-up included: none checks in or enters twice below 2,000 a second. */
    private static final int CROWD_USERS = Integer.getInteger("bench.crowdUsers", 60_000);

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SpringApplication app = new SpringApplication(LuckifyApplication.class);
        app.setAdditionalProfiles("test");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--luckify.api.rate-limit.auth-per-ip=100000000",
                // the instant lottery measured has a million units, above what a mini-program user may create
                "--luckify.lottery.limits.units-per-prize=1000000", "--luckify.lottery.limits.units-per-lottery=1000000",
                // and one owner has 31 lotteries open
                "--luckify.lottery.limits.open-per-creator=100",
                // the group-commit queues as in production (the test profile makes them small for OverloadIT)
                "--luckify.checkin.group-commit.capacity=1000", "--luckify.instant.group-commit.capacity=1000",
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 32)));
        // the measured runs keep the thread count they were tuned with; the overload runs alone get application.yml's
        boolean overloadOnly = ONLY.stream().allMatch(key -> key.endsWith("-600"));
        if (System.getProperty("bench.threads") != null || !overloadOnly) {
            arguments.add("--server.tomcat.threads.max=" + Integer.getInteger("bench.threads", CLIENTS * 2));
        }
        try (ConfigurableApplicationContext context = app.run(arguments.toArray(String[]::new))) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TokenIssuer tokens = context.getBean(TokenIssuer.class);
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();

            List<String> users = tokens(jdbc, tokens, (ONLY.contains("instant") ? INSTANT_USERS : 0) + CLIENTS + 1);
            List<String> checkinUsers = ONLY.contains("checkin") ? tokens(jdbc, tokens, CHECKIN_USERS) : List.of();
            String owner = users.get(0);
            long lottery = createInstantLottery(http, base, owner);
            seedComments(jdbc, lottery, 500);
            // events left by earlier runs would be delivered while the first endpoint is measured
            context.getBean(OutboxRelay.class).relayPending();
            for (int i = 0; i < 30; i++) {
                createByTimeLottery(http, base, owner);
            }
            System.out.printf("%nLuckify API benchmark: %d clients, %d s per endpoint after %d s warm-up, %d cores%n",
                    CLIENTS, MEASURE.toSeconds(), WARM_UP.toSeconds(), Runtime.getRuntime().availableProcessors());
            System.out.printf("%-28s %10s %9s %9s %8s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "errors");

            Result trivial = measure("trivial", "trivial (user detail)", port,
                    i -> LoadDriver.post(port, "/usercenter/v1/user/detail", "{}", users.get(1 + i % CLIENTS)));
            measure("list", "public lottery list", port, i -> LoadDriver.post(port, "/lottery/v1/lottery/lotteryList",
                    "{\"lastId\":0,\"pageSize\":10,\"isSelected\":0}", null));
            measure("comments", "comment list (newest)", port, i -> LoadDriver.post(port,
                    "/comment/v1/comment/getCommentList", "{\"lastId\":0,\"pageSize\":10,\"sort\":0}",
                    users.get(1 + i % CLIENTS)));
            AtomicInteger nextCheckin = new AtomicInteger();
            measure("checkin", "check-in (distinct users)", port, i -> LoadDriver.post(port, "/checkin/v1/checkin", "",
                    checkinUsers.get(nextCheckin.getAndIncrement() % checkinUsers.size())));
            AtomicInteger nextUser = new AtomicInteger(CLIENTS + 1);
            Result instant = measure("instant", "instant win attempt", port,
                    i -> LoadDriver.post(port, "/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lottery + "}",
                            users.get(nextUser.getAndIncrement() % users.size())));
            if (trivial != null && instant != null) {
                System.out.printf("instant/trivial rate: %.0f%%%n", 100.0 * instant.perSecond() / trivial.perSecond());
            }
            System.out.printf("instant wins recorded: %d, entries: %d%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND is_won = 1",
                            Long.class, lottery),
                    jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ?", Long.class, lottery));

            String health = users.get(1);
            int tomcatThreads = context.getEnvironment().getProperty("server.tomcat.threads.max", Integer.class, 200);
            if (ONLY.contains("checkin-600")) {
                List<String> crowd = tokens(jdbc, tokens, CROWD_USERS);
                AtomicInteger next = new AtomicInteger();
                overload("check-in", port, tomcatThreads, health, i -> LoadDriver.post(port, "/checkin/v1/checkin", "",
                        crowd.get(next.getAndIncrement() % crowd.size())));
            }
            if (ONLY.contains("instant-600")) {
                List<String> crowd = tokens(jdbc, tokens, CROWD_USERS);
                AtomicInteger next = new AtomicInteger();
                overload("instant win attempt", port, tomcatThreads, health, i -> LoadDriver.post(port,
                        "/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lottery + "}",
                        crowd.get(next.getAndIncrement() % crowd.size())));
            }
        }
        System.exit(0);
    }

    /**
     * {@value #CROWD} connections at once for {@link #OVERLOAD} after a warm-up of {@code bench.overloadWarmupSeconds}
     * (10, answers not counted, so the JIT has compiled the path when it runs alone): prints every kind of answer with
     * its count, whether any was a server or database failure (100001, 100005), and whether the process is healthy
     * afterwards (health UP, a normal request answered).
     */
    private static void overload(String name, int port, int threads, String token, LoadDriver.Requests requests)
            throws Exception {
        LoadDriver.drive(port, CROWD, requests, OVERLOAD_WARM_UP);
        Result result = LoadDriver.drive(port, CROWD, requests, OVERLOAD);
        System.out.printf("%n%s, %d connections for %d s (%d Tomcat threads): %.0f answers/s, p50 %.0f ms, p99 %.0f ms%n",
                name, CROWD, OVERLOAD.toSeconds(), threads, result.perSecond(), result.p50(), result.p99());
        result.answers().forEach((kind, count) -> System.out.printf("  %-14s %9d  %s%n", kind, count, meaning(kind)));
        boolean failures = result.answers().keySet().stream().anyMatch(kind -> kind.endsWith("/100001")
                || kind.endsWith("/100005") || kind.endsWith("/-1"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> detail = http.send(post("http://127.0.0.1:" + port + "/usercenter/v1/user/detail", "{}",
                token), HttpResponse.BodyHandlers.ofString());
        System.out.printf("  server or database failures (100001/100005): %s; afterwards health %d %s, user detail %d %s%n",
                failures ? "YES" : "none", health.statusCode(), health.body().contains("\"UP\"") ? "UP" : health.body(),
                detail.statusCode(), detail.body().startsWith("{\"code\":200") ? "code 200" : detail.body());
    }

    private static String meaning(String kind) {
        return switch (kind.substring(kind.indexOf('/') + 1)) {
            case "200" -> "success";
            case "100012" -> "busy, try again";
            case "100010" -> "over budget";
            case "700006" -> "already checked in";
            case "500028" -> "already entered";
            case "500044" -> "sold out";
            case "100001" -> "SERVER ERROR";
            case "100005" -> "DATABASE ERROR";
            default -> "";
        };
    }

    /** Runs and prints one endpoint's measurement unless {@code bench.only} leaves it out (then null). */
    private static Result measure(String key, String name, int port, LoadDriver.Requests requests) throws Exception {
        if (!ONLY.contains(key)) {
            return null;
        }
        LoadDriver.drive(port, CLIENTS, requests, WARM_UP);
        Result result = LoadDriver.drive(port, CLIENTS, requests, MEASURE);
        System.out.printf("%-28s %10.0f %9.2f %9.2f %8d%n", name, result.perSecond(), result.p50(), result.p99(),
                result.errors());
        return result;
    }

    private static HttpRequest post(String url, String body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** Users made in bulk straight in the database, with real tokens (registration would benchmark BCrypt). */
    private static List<String> tokens(JdbcTemplate jdbc, TokenIssuer tokens, int count) {
        String batch = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {batch + i});
            if (rows.size() == 5_000 || i == count - 1) {
                jdbc.batchUpdate("INSERT INTO `user` (nickname) VALUES (?)", rows);
                rows.clear();
            }
        }
        return jdbc.queryForList("SELECT id FROM `user` WHERE nickname LIKE ? ORDER BY id", Long.class, batch + "%")
                .stream().map(id -> tokens.issue(id).accessToken()).toList();
    }

    /** Visible prize shows by the first users, as a busy feed has them. */
    private static void seedComments(JdbcTemplate jdbc, long lotteryId, int count) {
        Long firstUser = jdbc.queryForObject("SELECT MIN(id) FROM `user`", Long.class);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {firstUser, lotteryId, "一等奖", "晒单第" + i + "条，谢谢抽奖！", ""});
        }
        jdbc.batchUpdate("INSERT INTO `comment` (user_id, lottery_id, prize_name, content, pics) VALUES (?, ?, ?, ?, ?)",
                rows);
    }

    private static long createInstantLottery(HttpClient http, String base, String token) throws Exception {
        return create(http, base, token, 3, "{\"type\":1,\"name\":\"一等奖\",\"count\":1000000,\"thumb\":\"\",\"level\":1,"
                + "\"grantType\":1,\"winProbabilityPpm\":100000}");
    }

    private static void createByTimeLottery(HttpClient http, String base, String token) throws Exception {
        create(http, base, token, 1, "{\"type\":1,\"name\":\"奖品\",\"count\":1,\"thumb\":\"\",\"level\":1,\"grantType\":1}");
    }

    private static long create(HttpClient http, String base, String token, int type, String prize) throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = "{\"name\":\"压测抽奖\",\"thumb\":\"\",\"announceType\":" + type + ",\"announceTime\":" + (now + 86_400)
                + ",\"joinNumber\":0,\"introduce\":\"\",\"awardDeadline\":" + (now + 172_800) + ",\"sponsorId\":0,"
                + "\"prizes\":[" + prize + "],\"isClocked\":0,\"publishType\":1}";
        String response = http.send(post(base + "/lottery/v1/lottery/createLottery", body, token),
                HttpResponse.BodyHandlers.ofString()).body();
        return Long.parseLong(response.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }
}
