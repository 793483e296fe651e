package com.luckify.archive;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ArchiveMapper {

    String COLUMNS = "id, create_time, report_type, format, params_json, period_start, period_end, state, object_key,"
            + " size, sha256, requested_by_staff_id, job_execution_id, error";

    @Insert("INSERT INTO report_archive (report_type, format, params_json, period_start, period_end,"
            + " requested_by_staff_id, job_execution_id) VALUES (#{e.reportType}, #{e.format}, #{e.paramsJson},"
            + " #{e.periodStart}, #{e.periodEnd}, #{e.requestedByStaffId}, #{e.jobExecutionId})")
    @Options(useGeneratedKeys = true, keyProperty = "row.id", keyColumn = "id")
    void insert(@Param("e") NewArchiveEntry entry, @Param("row") IdHolder row);

    @Update("UPDATE report_archive SET state = 'READY', object_key = #{key}, size = #{size}, sha256 = #{sha256},"
            + " error = NULL WHERE id = #{id} AND state <> 'READY'")
    int ready(@Param("id") long id, @Param("key") String key, @Param("size") long size, @Param("sha256") String sha256);

    @Update("UPDATE report_archive SET state = 'FAILED', error = #{error} WHERE id = #{id} AND state = 'RUNNING'")
    int failed(@Param("id") long id, @Param("error") String error);

    @Select("SELECT " + COLUMNS + " FROM report_archive WHERE id = #{id}")
    ArchivedReport find(long id);

    @Select("<script>SELECT " + COLUMNS + " FROM report_archive <if test='type != null'>WHERE report_type = #{type}</if>"
            + " ORDER BY id DESC LIMIT #{size} OFFSET #{offset}</script>")
    List<ArchivedReport> list(@Param("type") String type, @Param("offset") long offset, @Param("size") int size);

    @Select("<script>SELECT COUNT(*) FROM report_archive <if test='type != null'>WHERE report_type = #{type}</if></script>")
    long count(@Param("type") String type);

    @Select("SELECT COUNT(*) FROM report_archive WHERE report_type = #{e.reportType} AND period_start = #{e.periodStart}"
            + " AND period_end = #{e.periodEnd} AND format = #{e.format} AND requested_by_staff_id IS NULL AND state <> 'FAILED'")
    int countScheduled(@Param("e") NewArchiveEntry entry);

    /** MyBatis writes the generated id here. */
    final class IdHolder {
        Long id;
    }
}
