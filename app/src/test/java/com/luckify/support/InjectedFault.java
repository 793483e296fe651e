package com.luckify.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real failure in the middle of a Batch step, made by the database: a trigger on Batch's own step bookkeeping
 * (test migration {@code R__test_injected_fault.sql}) fails the chunk commit that would bring a named step's
 * commit count to the armed number, in the one execution that has the given job parameter, so that chunk rolls
 * back and the step fails as it would if MySQL went away mid-run. The commits before it stay. Only chunk commits
 * of a running step are failed, never the step's final FAILED update, so the job ends FAILED and can restart.
 */
public final class InjectedFault implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final String step;
    private final String jobParameter;

    private InjectedFault(JdbcTemplate jdbc, String step, String jobParameter) {
        this.jdbc = jdbc;
        this.step = step;
        this.jobParameter = jobParameter;
    }

    /**
     * Fails the chunk commit of {@code step} that reaches commit number {@code commit}, in executions with the
     * identifying job parameter {@code name=value}.
     */
    public static InjectedFault atCommit(JdbcTemplate jdbc, String step, int commit, String name, Object value) {
        String jobParameter = name + "=" + value;
        jdbc.update("REPLACE INTO test_injected_fault (step_name, job_parameter, at_commit) VALUES (?, ?, ?)", step,
                jobParameter, commit);
        return new InjectedFault(jdbc, step, jobParameter);
    }

    /** The database behaves again. */
    @Override
    public void close() {
        jdbc.update("DELETE FROM test_injected_fault WHERE step_name = ? AND job_parameter = ?", step, jobParameter);
    }
}
