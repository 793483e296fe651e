package com.luckify.support;

import static com.luckify.support.LuckifyProcesses.freePort;
import static com.luckify.support.RedisSentinelSet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Redis Cluster of three masters, each a {@code redis-server} of the test's own on a port of its own with the
 * 16,384 slots split between them by {@code redis-cli --cluster create}, nothing saved. Logs and the nodes' cluster
 * files are in {@code target/redis-cluster/}, emptied first (a node that finds an old cluster file joins that
 * cluster again instead of a new one).
 */
public final class RedisClusterSet implements AutoCloseable {

    private static final int MASTERS = 3;

    private final Path dir = Path.of("target", "redis-cluster").toAbsolutePath();
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private RedisClusterSet() throws IOException {
        for (int i = 0; i < MASTERS; i++) {
            ports.add(freePort());
        }
    }

    /** Starts the nodes, makes them one cluster and waits until every node says the cluster is ok. */
    public static RedisClusterSet start() throws Exception {
        RedisClusterSet cluster = new RedisClusterSet();
        try {
            cluster.startAll();
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startAll() throws Exception {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (int port : ports) {
            List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                    "--cluster-node-timeout", "2000", "--save", "", "--appendonly", "no", "--dir", dir.toString());
            processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("node-" + port + ".log").toFile()).start());
        }
        for (int port : ports) {
            LuckifyProcesses.await("cluster node " + port + " answering", 20, () -> cli(port, "PING").equals("PONG"));
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        ports.forEach(port -> create.add("127.0.0.1:" + port));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process creating = new ProcessBuilder(create).redirectErrorStream(true)
                .redirectOutput(dir.resolve("create.log").toFile()).start();
        if (!creating.waitFor(30, TimeUnit.SECONDS) || creating.exitValue() != 0) {
            throw new AssertionError("redis-cli --cluster create failed: " + Files.readString(dir.resolve("create.log")));
        }
        for (int port : ports) {
            LuckifyProcesses.await("cluster node " + port + " seeing the cluster ok", 30,
                    () -> cli(port, "CLUSTER", "INFO").contains("cluster_state:ok"));
        }
    }

    /** {@code spring.data.redis.cluster.nodes} for this cluster. */
    public String nodes() {
        return String.join(",", ports.stream().map(port -> "127.0.0.1:" + port).toList());
    }

    /** Whether {@code key} exists in the cluster ({@code redis-cli -c} follows the redirection to its master). */
    public boolean exists(String key) {
        return cli(ports.get(0), "-c", "EXISTS", key).equals("1");
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
