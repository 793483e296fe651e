package com.luckify.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Real Luckify processes beside the test's own: each a JVM of its own with the test's class path and the test
 * profile (so the same MariaDB database and Redis), its output in {@code target/process-NAME.log}.
 */
public final class LuckifyProcesses implements AutoCloseable {

    private static final Path BUILT_JAR = Path.of("target", "luckify.jar");

    private final List<Process> processes = new ArrayList<>();

    /**
     * Starts one; {@code arguments} are Spring Boot command-line properties such as {@code --luckify.roles=batch}.
     * It listens on a random port unless they name one.
     */
    public Process start(String name, String... arguments) throws IOException {
        return launch(name, List.of("-cp", System.getProperty("java.class.path"), "com.luckify.LuckifyApplication"),
                arguments);
    }

    /**
     * Starts one from the built application, {@code target/luckify.jar}, as it is deployed (it exists during
     * {@code verify}: integration tests run after {@code package}; elsewhere, as from an IDE, it may be missing or
     * older than the code, and then the test's class path is used). The test profile's settings and test-only
     * migrations are read from {@code target/test-classes}, which the jar does not contain.
     */
    public Process startBuiltJar(String name, String... arguments) throws IOException {
        if (!Files.isRegularFile(BUILT_JAR)) {
            return start(name, arguments);
        }
        List<String> withTestSettings = new ArrayList<>(List.of(
                "--spring.config.additional-location=optional:file:target/test-classes/",
                "--spring.flyway.locations=classpath:db/migration,filesystem:target/test-classes/db/test-migration"));
        withTestSettings.addAll(List.of(arguments));
        return launch(name, List.of("-jar", BUILT_JAR.toString()), withTestSettings.toArray(String[]::new));
    }

    /** Whether {@link #startBuiltJar} runs the built jar (or falls back to the class path). */
    public static boolean builtJarPresent() {
        return Files.isRegularFile(BUILT_JAR);
    }

    private Process launch(String name, List<String> launcher, String... arguments) throws IOException {
        Path log = Path.of("target", "process-" + name + ".log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.addAll(launcher);
        command.addAll(List.of("--spring.profiles.active=test", "--luckify.instance-name=" + name,
                "--luckify.wechat.api-base-url=" + WeChatStub.instance().baseUrl()));
        command.addAll(List.of(arguments));
        if (command.stream().noneMatch(argument -> argument.startsWith("--server.port="))) {
            command.add("--server.port=0");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        processes.clear();
    }

    /** A port nothing listens on right now, for a process that must be reached at a known port. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether the Luckify process behind {@code client} answers the public lottery list (it has started). */
    public static boolean answersApi(ApiClient client) {
        try {
            return client.post("/lottery/v1/lottery/lotteryList", "{\"lastId\":0,\"pageSize\":1,\"isSelected\":0}")
                    .code() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting until " + what + " (process logs: target" + File.separator
                + "process-*.log)");
    }
}
