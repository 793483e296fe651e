package com.luckify.support;

import java.io.File;
import java.io.IOException;
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

    private final List<Process> processes = new ArrayList<>();

    /**
     * Starts one; {@code arguments} are Spring Boot command-line properties such as {@code --luckify.roles=batch}.
     * It listens on a random port unless they name one.
     */
    public Process start(String name, String... arguments) throws IOException {
        Path log = Path.of("target", "process-" + name + ".log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "com.luckify.LuckifyApplication",
                "--spring.profiles.active=test", "--luckify.instance-name=" + name,
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
