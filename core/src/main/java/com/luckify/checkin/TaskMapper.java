package com.luckify.checkin;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface TaskMapper {

    @Select("SELECT id, type, content, integral, path, need_count, event_type FROM tasks WHERE enabled = 1 ORDER BY id")
    List<Task> enabledTasks();

    @Select("<script>SELECT task_id, period_key, progress, is_finished FROM task_record WHERE user_id = #{userId} "
            + "AND (task_id, period_key) IN <foreach item='p' collection='periods' open='(' separator=',' close=')'>"
            + "(#{p.taskId}, #{p.periodKey})</foreach></script>")
    List<RecordRow> records(@Param("userId") long userId, @Param("periods") List<TaskPeriod> periods);

    /**
     * One more step of a task in a period; the task is finished on the step that reaches its count. The
     * {@code is_finished} assignment comes first so that it sees the progress before this step.
     */
    @Insert("INSERT INTO task_record (user_id, task_id, period_key, progress, is_finished) "
            + "VALUES (#{userId}, #{taskId}, #{periodKey}, 1, IF(#{needCount} <= 1, 1, 0)) "
            + "ON DUPLICATE KEY UPDATE is_finished = IF(is_finished = 0 AND progress + 1 >= #{needCount}, 1, is_finished), "
            + "progress = LEAST(progress + 1, #{needCount})")
    void step(@Param("userId") long userId, @Param("taskId") long taskId, @Param("periodKey") String periodKey,
            @Param("needCount") int needCount);

    /** Finished → rewarded, once: concurrent claims queue on the row and only the first one sees state 1. */
    @Update("UPDATE task_record SET is_finished = 2, rewarded_time = #{now} "
            + "WHERE user_id = #{userId} AND task_id = #{taskId} AND period_key = #{periodKey} AND is_finished = 1")
    int markRewarded(@Param("userId") long userId, @Param("taskId") long taskId, @Param("periodKey") String periodKey,
            @Param("now") Instant now);

    @Select("SELECT is_finished FROM task_record WHERE user_id = #{userId} AND task_id = #{taskId} "
            + "AND period_key = #{periodKey}")
    Integer state(@Param("userId") long userId, @Param("taskId") long taskId, @Param("periodKey") String periodKey);

    @Insert("INSERT INTO task_progress (user_id, is_sub_checkin, sub_time) VALUES (#{userId}, #{subscribed}, #{now}) "
            + "ON DUPLICATE KEY UPDATE is_sub_checkin = #{subscribed}, sub_time = #{now}")
    void subscribe(@Param("userId") long userId, @Param("subscribed") int subscribed, @Param("now") Instant now);

    @Insert("INSERT INTO task_progress (user_id, is_participated_lottery) VALUES (#{userId}, 1) "
            + "ON DUPLICATE KEY UPDATE is_participated_lottery = 1")
    void markParticipated(@Param("userId") long userId);

    @Insert("INSERT INTO task_progress (user_id, is_initiated_lottery) VALUES (#{userId}, 1) "
            + "ON DUPLICATE KEY UPDATE is_initiated_lottery = 1")
    void markInitiated(@Param("userId") long userId);

    @Select("SELECT is_sub_checkin FROM task_progress WHERE user_id = #{userId}")
    Integer subscribed(@Param("userId") long userId);

    record TaskPeriod(long taskId, String periodKey) {
    }

    record RecordRow(long taskId, String periodKey, int progress, int isFinished) {
    }
}
