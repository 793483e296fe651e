package com.luckify.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real failure in the middle of a Batch step, made by the database: a trigger on Batch's own step bookkeeping
 * fails the chunk commit that would bring a named step's commit count to the armed number, so that chunk rolls
 * back and the step fails as it would if MySQL went away mid-run. The commits before it stay. Only chunk commits
 * of a running step are failed, never the step's final FAILED update, so the job ends FAILED and can restart.
 */
public final class InjectedFault implements AutoCloseable {

    private final JdbcTemplate jdbc;

    private InjectedFault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails the chunk commit of {@code step} that reaches commit number {@code commit}. */
    public static InjectedFault atCommit(JdbcTemplate jdbc, String step, int commit) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_injected_fault (step_name VARCHAR(100) NOT NULL PRIMARY KEY, "
                + "at_commit INT NOT NULL) ENGINE = InnoDB");
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS test_injected_fault BEFORE UPDATE ON BATCH_STEP_EXECUTION FOR EACH ROW "
                + "BEGIN IF NEW.STATUS = 'STARTED' AND EXISTS (SELECT 1 FROM test_injected_fault f "
                + "WHERE f.step_name = NEW.STEP_NAME AND NEW.COMMIT_COUNT >= f.at_commit) THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected fault'; END IF; END");
        jdbc.update("REPLACE INTO test_injected_fault (step_name, at_commit) VALUES (?, ?)", step, commit);
        return new InjectedFault(jdbc);
    }

    /** The database behaves again. */
    @Override
    public void close() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_injected_fault");
        jdbc.execute("DROP TABLE IF EXISTS test_injected_fault");
    }
}
