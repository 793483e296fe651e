package com.luckify.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A MariaDB server of the test's own (Debian's {@code mariadb-install-db} and {@code mariadbd}): a fresh data
 * directory under the system's temporary directory, 127.0.0.1 on a free port, a socket of its own, run as the
 * current user, one database {@code NAME} and the user {@code luckify}/{@code luckify} on it. The test may kill it
 * with SIGKILL and start it again on the same data directory and port, as a crashed server restarted. Its error log
 * is {@code target/mariadb-NAME.log}; the data directory is removed on {@link #close}.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final String USER = "luckify";
    private static final String PASSWORD = "luckify";

    private final String database;
    private final Path home;
    private final int port;
    private Process server;

    private PrivateMariaDb(String database, Path home, int port) {
        this.database = database;
        this.home = home;
        this.port = port;
    }

    /** Creates the data directory, starts the server and waits until the application user can connect. */
    public static PrivateMariaDb start(String database) throws Exception {
        Path home = Files.createTempDirectory("luckify-mariadb-");
        PrivateMariaDb db = new PrivateMariaDb(database, home, LuckifyProcesses.freePort());
        try {
            db.install();
            db.startAgain();
        } catch (Exception | AssertionError e) {
            db.close();
            throw e;
        }
        return db;
    }

    public int port() {
        return port;
    }

    /** For Luckify's {@code spring.datasource.url}, with the options of the test profile's URL. */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8&rewriteBatchedStatements=true";
    }

    /** A fresh connection per statement: it survives the server's restarts. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), USER, PASSWORD));
    }

    /** SIGKILL: no shutdown, no flush beyond what InnoDB already made durable; every connection is broken. */
    public void kill() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            server = null;
        }
    }

    /** Starts the server on the same data directory and port (after a kill: InnoDB crash recovery) and waits for it. */
    public void startAgain() throws Exception {
        kill();
        List<String> command = new ArrayList<>(List.of("mariadbd", "--no-defaults",
                "--datadir=" + home.resolve("data"), "--socket=" + home.resolve("mariadb.sock"),
                "--pid-file=" + home.resolve("mariadb.pid"), "--port=" + port, "--bind-address=127.0.0.1",
                "--init-file=" + home.resolve("init.sql"), "--log-error=" + Path.of("target", "mariadb-" + database + ".log")
                        .toAbsolutePath(),
                "--innodb-buffer-pool-size=128M", "--max-connections=200"));
        command.addAll(runAs());
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        LuckifyProcesses.await("MariaDB " + database + " accepting its user on port " + port, 30, this::answers);
    }

    /** True when the application user can connect and run a query. */
    public boolean answers() {
        try {
            return Integer.valueOf(1).equals(jdbc().queryForObject("SELECT 1", Integer.class));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        kill();
        if (Files.exists(home)) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void install() throws IOException, InterruptedException {
        // the init file runs at every start (as the server, with every privilege): idempotent statements only
        Files.writeString(home.resolve("init.sql"), String.join("\n",
                "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';",
                "GRANT ALL ON `" + database + "`.* TO '" + USER + "'@'127.0.0.1';", ""));
        List<String> command = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults",
                "--datadir=" + home.resolve("data"), "--auth-root-authentication-method=socket", "--skip-test-db"));
        command.addAll(runAs());
        Path log = home.resolve("install.log");
        Process install = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!install.waitFor(60, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(log));
        }
    }

    /** As the current user: mariadbd refuses root unless named with {@code --user=root}. */
    private static List<String> runAs() {
        return List.of("--user=" + System.getProperty("user.name"));
    }
}
