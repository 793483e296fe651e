package com.luckify.reconciliation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface FindingMapper {

    @Insert("<script>INSERT INTO reconciliation_finding (run_id, job_execution_id, kind, subject_type, subject_id, "
            + "expected, actual, repaired, repair_note) VALUES <foreach item='f' collection='findings' separator=','>"
            + "(#{runId}, #{jobExecutionId}, #{f.kind}, #{f.subjectType}, #{f.subjectId}, #{f.expected}, #{f.actual}, "
            + "#{f.repaired}, #{f.repairNote})</foreach></script>")
    void insert(@Param("runId") String runId, @Param("jobExecutionId") Long jobExecutionId,
            @Param("findings") List<Finding> findings);

    @Select("SELECT kind, subject_type, subject_id, expected, actual, repaired, repair_note FROM reconciliation_finding "
            + "WHERE run_id = #{runId} ORDER BY id")
    List<Finding> ofRun(@Param("runId") String runId);

    @Select("<script>SELECT run_id, COUNT(*) AS findings, SUM(repaired) AS repaired FROM reconciliation_finding "
            + "WHERE run_id IN <foreach item='r' collection='runIds' open='(' separator=',' close=')'>#{r}</foreach> "
            + "GROUP BY run_id</script>")
    List<RunSummary> summaries(@Param("runIds") Collection<String> runIds);

    @Select("SELECT MIN(job_execution_id) AS job_execution_id, MIN(create_time) AS recorded FROM reconciliation_finding"
            + " WHERE run_id = #{runId} HAVING COUNT(*) > 0")
    RunRecord runRecord(@Param("runId") String runId);

    record RunRecord(Long jobExecutionId, Instant recorded) {
    }
}
