package com.luckify.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of the test's own on a port of its own (no persistence), for tests that stop, restart or
 * empty Redis under a Luckify process without touching the Redis other tests share. Its output goes to
 * {@code target/redis-NAME.log}.
 */
public final class OwnRedis implements AutoCloseable {

    private final int port;
    private final String name;
    private Process server;

    private OwnRedis(int port, String name) {
        this.port = port;
        this.name = name;
    }

    /** Starts one on {@code port} and waits until it answers PING. */
    public static OwnRedis start(int port, String name) throws IOException, InterruptedException {
        OwnRedis redis = new OwnRedis(port, name);
        redis.startServer();
        return redis;
    }

    public int port() {
        return port;
    }

    /** {@code SHUTDOWN NOSAVE}, as an operator restarting Redis would: everything it held is gone. */
    public void shutdownNoSave() throws IOException, InterruptedException {
        cli("SHUTDOWN", "NOSAVE");
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL, as a crash: the server is gone at once, its connections broken, everything it held lost. */
    public void kill() throws InterruptedException {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGSTOP: the server keeps its connections open and answers nothing, as a Redis stuck in a long command or
     * in swap would; {@link #resume} lets it go on.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(server.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
    }

    /** A fresh, empty server on the same port; waits until it answers PING. */
    public void startAgain() throws IOException, InterruptedException {
        startServer();
    }

    /** Runs {@code redis-cli} against database {@code database} and returns what it printed, trimmed. */
    public String cli(int database, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "-n",
                Integer.toString(database)));
        line.addAll(List.of(command));
        Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        cli.waitFor(10, TimeUnit.SECONDS);
        return output.trim();
    }

    private void cli(String... command) throws IOException, InterruptedException {
        cli(0, command);
    }

    public boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private void startServer() throws IOException, InterruptedException {
        server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "redis-" + name + ".log").toFile()))
                .start();
        LuckifyProcesses.await("the test's Redis answering on port " + port, 10, this::answers);
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
