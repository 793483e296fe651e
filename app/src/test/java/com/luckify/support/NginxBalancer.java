package com.luckify.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's nginx in front of Luckify replicas, configured by the repository's {@code ops/nginx/luckify.conf} with
 * this test's ports filled in: a foreground process of the test's own (its prefix, pid file, logs and temporary
 * files under {@code target/nginx-*}), never the system's service. Its access log names the replica that served
 * each request.
 */
public final class NginxBalancer implements AutoCloseable {

    private static final Path CONFIG = Path.of("..", "ops", "nginx", "luckify.conf");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^(\\s*server\\s+)[^\\s;]+:\\d+");
    private static final Pattern LISTEN = Pattern.compile("(?m)^(\\s*listen\\s+)[^;]+;");

    private final Process process;
    private final Path prefix;
    private final int port;

    private NginxBalancer(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    /** The nginx binary, when it is installed. */
    public static Optional<Path> binary() {
        return Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts nginx on 127.0.0.1:{@code port}, balancing over the replicas on {@code upstreamPorts}. */
    public static NginxBalancer start(Path nginx, int port, List<Integer> upstreamPorts) throws IOException,
            InterruptedException {
        Path prefix = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "nginx-");
        Files.writeString(prefix.resolve("luckify.conf"), filledIn(Files.readString(CONFIG), port, upstreamPorts));
        String p = prefix.toString();
        Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                "daemon off;",
                "worker_processes 1;",
                "pid " + p + "/nginx.pid;",
                "error_log " + p + "/error.log warn;",
                "events { worker_connections 512; }",
                "http {",
                "  log_format replicas '$request_method $uri $status $upstream_addr';",
                "  access_log " + p + "/access.log replicas;",
                "  client_body_temp_path " + p + "/client_body;",
                "  proxy_temp_path " + p + "/proxy;",
                "  fastcgi_temp_path " + p + "/fastcgi;",
                "  uwsgi_temp_path " + p + "/uwsgi;",
                "  scgi_temp_path " + p + "/scgi;",
                "  include " + p + "/luckify.conf;",
                "}", ""));
        Process process = new ProcessBuilder(nginx.toString(), "-p", p, "-c", p + "/nginx.conf", "-e", p + "/error.log")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        NginxBalancer balancer = new NginxBalancer(process, prefix, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!balancer.listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                balancer.close();
                throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("error.log")));
            }
            Thread.sleep(20);
        }
        return balancer;
    }

    /** The repository's configuration with its upstream servers and listen address replaced by the test's. */
    static String filledIn(String config, int port, List<Integer> upstreamPorts) {
        Matcher servers = UPSTREAM_SERVER.matcher(config);
        Iterator<Integer> ports = upstreamPorts.iterator();
        StringBuilder filled = new StringBuilder();
        while (servers.find()) {
            if (!ports.hasNext()) {
                throw new IllegalStateException("ops/nginx/luckify.conf names more upstream servers than " + upstreamPorts);
            }
            servers.appendReplacement(filled, "$1127.0.0.1:" + ports.next());
        }
        servers.appendTail(filled);
        if (ports.hasNext()) {
            throw new IllegalStateException("ops/nginx/luckify.conf names fewer upstream servers than " + upstreamPorts);
        }
        Matcher listen = LISTEN.matcher(filled);
        if (!listen.find()) {
            throw new IllegalStateException("ops/nginx/luckify.conf has no listen line");
        }
        return listen.replaceFirst("$1127.0.0.1:" + port + ";");
    }

    public int port() {
        return port;
    }

    /** The replica ({@code 127.0.0.1:PORT}) that served each logged request whose path starts with {@code path}. */
    public List<String> upstreamsOf(String path) throws IOException {
        List<String> upstreams = new ArrayList<>();
        Path log = prefix.resolve("access.log");
        if (!Files.exists(log)) {
            return upstreams;
        }
        for (String line : Files.readAllLines(log)) {
            String[] fields = line.split(" ", 4);
            if (fields.length == 4 && fields[1].startsWith(path)) {
                upstreams.add(fields[3].trim());
            }
        }
        return upstreams;
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops nginx (SIGTERM: its fast shutdown) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
