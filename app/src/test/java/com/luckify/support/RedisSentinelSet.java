package com.luckify.support;

import static com.luckify.support.LuckifyProcesses.freePort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis master, one replica and three sentinels (quorum two), each a {@code redis-server} of the test's own on a
 * port of its own, nothing saved; the sentinels notice a dead master after a second. Logs and the sentinels'
 * (writable) configuration files are in {@code target/sentinel-set/}.
 */
public final class RedisSentinelSet implements AutoCloseable {

    public static final String MASTER_NAME = "luckify-it";

    private final Path dir = Path.of("target", "sentinel-set").toAbsolutePath();
    private final List<Process> processes = new ArrayList<>();
    private final int masterPort;
    private final int replicaPort;
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private Process master;

    private RedisSentinelSet() throws IOException {
        masterPort = freePort();
        replicaPort = freePort();
        for (int i = 0; i < 3; i++) {
            sentinelPorts.add(freePort());
        }
    }

    /** Starts them all and waits until the replica has synchronised and every sentinel sees the other two. */
    public static RedisSentinelSet start() throws Exception {
        RedisSentinelSet set = new RedisSentinelSet();
        try {
            set.startAll();
        } catch (Exception | AssertionError e) {
            set.close();
            throw e;
        }
        return set;
    }

    private void startAll() throws Exception {
        Files.createDirectories(dir);
        master = server("master", "--port", Integer.toString(masterPort));
        server("replica", "--port", Integer.toString(replicaPort), "--replicaof", "127.0.0.1", Integer.toString(masterPort));
        for (int i = 0; i < sentinelPorts.size(); i++) {
            Path conf = dir.resolve("sentinel-" + i + ".conf");
            Files.writeString(conf, String.join("\n",
                    "port " + sentinelPorts.get(i),
                    "bind 127.0.0.1",
                    "dir " + dir,
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                    "sentinel failover-timeout " + MASTER_NAME + " 5000",
                    "sentinel parallel-syncs " + MASTER_NAME + " 1", ""), StandardCharsets.UTF_8);
            start("sentinel-" + i, List.of("redis-server", conf.toString(), "--sentinel"));
        }
        LuckifyProcesses.await("the replica in sync", 20,
                () -> cli(replicaPort, "INFO", "replication").contains("master_link_status:up"));
        for (int port : sentinelPorts) {
            LuckifyProcesses.await("sentinel " + port + " seeing the others and the replica", 20,
                    () -> count(cli(port, "SENTINEL", "SENTINELS", MASTER_NAME), "name") == 2
                            && count(cli(port, "SENTINEL", "REPLICAS", MASTER_NAME), "name") == 1);
        }
    }

    /** {@code spring.data.redis.sentinel.nodes} for these sentinels. */
    public String sentinelNodes() {
        return String.join(",", sentinelPorts.stream().map(port -> "127.0.0.1:" + port).toList());
    }

    /** The port of the master the sentinels name now. */
    public int currentMasterPort() {
        String answer = cli(sentinelPorts.get(0), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        String[] lines = answer.split("\n");
        return lines.length < 2 ? -1 : Integer.parseInt(lines[1].trim());
    }

    public int masterPort() {
        return masterPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    /** Waits until the replica has received everything the master had written so far. */
    public void awaitReplicaCaughtUp() throws InterruptedException {
        long written = offset(cli(masterPort, "INFO", "replication"), "master_repl_offset:");
        LuckifyProcesses.await("the replica caught up", 10,
                () -> offset(cli(replicaPort, "INFO", "replication"), "slave_repl_offset:") >= written);
    }

    private static long offset(String info, String field) {
        return info.lines().filter(line -> line.startsWith(field)).map(line -> Long.parseLong(line.substring(field.length())
                .trim())).findFirst().orElse(-1L);
    }

    /** SIGKILL to the master: it is gone at once, whatever it had not yet sent its replica with it. */
    public void killMaster() throws InterruptedException {
        master.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Runs {@code redis-cli} against {@code port} and returns what it printed, or "" if it could not. */
    public static String cli(int port, String... command) {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        line.addAll(List.of(command));
        try {
            Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cli.waitFor(10, TimeUnit.SECONDS);
            return output.trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Process server(String name, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        return start(name, command);
    }

    private Process start(String name, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private static int count(String text, String line) {
        return (int) text.lines().filter(l -> l.trim().equals(line)).count();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        processes.clear();
    }
}
