package com.luckify.batch.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes job instances that are over, with everything Spring Batch keeps of them: executions, their parameters
 * and contexts, step executions and theirs. An instance goes whole or not at all, once no execution of it is
 * running and its last one ended before a given time. So a failed or stopped run within that age keeps every
 * execution a restart reads (its steps' saved positions, the steps already completed), and a run in progress
 * is never touched. Past the age a failed instance is given up: its job may start afresh.
 * <p>
 * The draw is safe from that: a lottery's draw record, not its Batch instance, says whether it was drawn. Other
 * tables that name an execution ({@code draw_record}, {@code reconciliation_finding}, {@code report_archive}) keep
 * the number for reference; nothing joins on it.
 * <p>
 * Plain SQL on Batch's tables, deleting by key: Batch's own {@code JobRepository.deleteJobInstance} first loads
 * every execution with its contexts, one statement after the other.
 */
@Component
class JobHistory {

    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    private final NamedParameterJdbcTemplate jdbc;

    JobHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The highest instance id with an execution created before {@code before}, 0 if none. Instance ids grow with
     * time, so every instance that may be over at or below it; an instance above it that has no execution yet
     * is one being started right now (Batch creates the instance, then its execution) and must not be taken
     * for an abandoned one.
     */
    long lastInstanceBefore(Instant before) {
        Long id = jdbc.queryForObject("SELECT COALESCE(MAX(JOB_INSTANCE_ID), 0) FROM BATCH_JOB_EXECUTION "
                + "WHERE CREATE_TIME < :before", new MapSqlParameterSource("before", Timestamp.from(before)), Long.class);
        return id == null ? 0 : id;
    }

    /** Up to {@code limit} ids of instances that are over, after {@code afterId} and up to {@code upToId}. */
    List<Long> overAfter(long afterId, long upToId, Instant before, int limit) {
        return jdbc.queryForList("SELECT i.JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE i WHERE i.JOB_INSTANCE_ID > :after "
                + "AND i.JOB_INSTANCE_ID <= :upTo AND " + over("i") + " ORDER BY i.JOB_INSTANCE_ID LIMIT :limit",
                new MapSqlParameterSource("after", afterId).addValue("upTo", upToId)
                        .addValue("before", Timestamp.from(before)).addValue("limit", limit), Long.class);
    }

    /**
     * Removes those of {@code instanceIds} still over, with all their rows; returns how many instances went. Runs
     * in the caller's transaction (a job's chunk). The check is made again with the instances locked: a restart
     * that added an execution before shows here, one that adds it after fails on the instance's foreign key.
     */
    int delete(List<Long> instanceIds, Instant before) {
        if (instanceIds.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource candidates = new MapSqlParameterSource("ids", instanceIds)
                .addValue("before", Timestamp.from(before));
        List<Long> instances = jdbc.queryForList("SELECT i.JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE i "
                + "WHERE i.JOB_INSTANCE_ID IN (:ids) AND " + over("i") + " ORDER BY i.JOB_INSTANCE_ID FOR UPDATE",
                candidates, Long.class);
        if (instances.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("instances", instances);
        List<Long> executions = jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION "
                + "WHERE JOB_INSTANCE_ID IN (:instances)", ids, Long.class);
        if (!executions.isEmpty()) {
            ids.addValue("executions", executions);
            List<Long> steps = jdbc.queryForList("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION "
                    + "WHERE JOB_EXECUTION_ID IN (:executions)", ids, Long.class);
            if (!steps.isEmpty()) {
                ids.addValue("steps", steps);
                jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (:steps)", ids);
                jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID IN (:steps)", ids);
            }
            jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (:executions)", ids);
            jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (:executions)", ids);
            jdbc.update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN (:executions)", ids);
        }
        return jdbc.update("DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID IN (:instances)", ids);
    }

    /** No execution of the instance is running or ended (or, never ended, was last written) at or after :before. */
    private static String over(String instance) {
        return "NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = " + instance
                + ".JOB_INSTANCE_ID AND (e.STATUS IN " + RUNNING
                + " OR COALESCE(e.END_TIME, e.LAST_UPDATED, e.CREATE_TIME) >= :before))";
    }
}
