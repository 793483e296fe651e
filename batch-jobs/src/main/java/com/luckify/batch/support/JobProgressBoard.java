package com.luckify.batch.support;

import com.luckify.batch.support.JobProgress.StepProgress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads job progress from Batch's own tables, which every chunk commit updates, so an execution running in any
 * process shows here as it goes. Lists newest first, filtered by job and status.
 */
@Component
public class JobProgressBoard {

    private static final String EXECUTIONS = "SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, "
            + "e.EXIT_MESSAGE, e.START_TIME, e.END_TIME, e.LAST_UPDATED, "
            + "(SELECT GROUP_CONCAT(CONCAT(p.PARAMETER_NAME, '=', p.PARAMETER_VALUE) ORDER BY p.PARAMETER_NAME SEPARATOR ', ') "
            + "FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID) AS PARAMETERS "
            + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID ";

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, Integer> stepsPerJob = new HashMap<>();

    JobProgressBoard(NamedParameterJdbcTemplate jdbc, List<Job> jobs) {
        this.jdbc = jdbc;
        for (Job job : jobs) {
            stepsPerJob.put(job.getName(), job instanceof AbstractJob steps ? steps.getStepNames().size() : 0);
        }
    }

    /** The job names this process knows. */
    public List<String> jobNames() {
        return stepsPerJob.keySet().stream().sorted().toList();
    }

    /** Up to {@code limit} executions, newest first; {@code jobName} and {@code status} filter when not null. */
    public List<JobProgress> recent(String jobName, String status, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("job", jobName)
                .addValue("status", status).addValue("limit", Math.max(1, Math.min(limit, 200)));
        List<JobProgress> executions = jdbc.query(EXECUTIONS + "WHERE (:job IS NULL OR i.JOB_NAME = :job) "
                + "AND (:status IS NULL OR e.STATUS = :status) ORDER BY e.JOB_EXECUTION_ID DESC LIMIT :limit", parameters,
                (rs, row) -> execution(rs));
        if (executions.isEmpty()) {
            return executions;
        }
        Map<Long, List<StepProgress>> steps = steps(executions.stream().map(JobProgress::executionId).toList());
        return executions.stream().map(e -> withSteps(e, steps.getOrDefault(e.executionId(), List.of()))).toList();
    }

    public Optional<JobProgress> of(long executionId) {
        List<JobProgress> found = jdbc.query(EXECUTIONS + "WHERE e.JOB_EXECUTION_ID = :id",
                new MapSqlParameterSource("id", executionId), (rs, row) -> execution(rs));
        return found.stream().findFirst()
                .map(e -> withSteps(e, steps(List.of(executionId)).getOrDefault(executionId, List.of())));
    }

    private Map<Long, List<StepProgress>> steps(List<Long> executionIds) {
        Map<Long, List<StepProgress>> byExecution = new HashMap<>();
        jdbc.query("SELECT JOB_EXECUTION_ID, STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, COMMIT_COUNT, ROLLBACK_COUNT, "
                + "START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (:ids) ORDER BY STEP_EXECUTION_ID",
                new MapSqlParameterSource("ids", executionIds), rs -> {
                    byExecution.computeIfAbsent(rs.getLong("JOB_EXECUTION_ID"), id -> new ArrayList<>())
                            .add(new StepProgress(rs.getString("STEP_NAME"), rs.getString("STATUS"), rs.getLong("READ_COUNT"),
                                    rs.getLong("WRITE_COUNT"), rs.getLong("COMMIT_COUNT"), rs.getLong("ROLLBACK_COUNT"),
                                    time(rs, "START_TIME"), time(rs, "END_TIME")));
                });
        return byExecution;
    }

    private JobProgress execution(ResultSet rs) throws SQLException {
        String jobName = rs.getString("JOB_NAME");
        return new JobProgress(rs.getLong("JOB_EXECUTION_ID"), jobName, rs.getString("STATUS"), rs.getString("EXIT_CODE"),
                rs.getString("EXIT_MESSAGE"), time(rs, "START_TIME"), time(rs, "END_TIME"), time(rs, "LAST_UPDATED"),
                rs.getString("PARAMETERS") == null ? "" : rs.getString("PARAMETERS"), stepsPerJob.getOrDefault(jobName, 0),
                List.of());
    }

    private static JobProgress withSteps(JobProgress e, List<StepProgress> steps) {
        return new JobProgress(e.executionId(), e.jobName(), e.status(), e.exitCode(), e.exitDescription(), e.startTime(),
                e.endTime(), e.lastUpdated(), e.parameters(), e.totalSteps(), List.copyOf(steps));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
