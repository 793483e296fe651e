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
     * One more step for each (user, task, period), in one statement; a key listed twice steps twice. A task
     * is finished on the step that reaches its count; the {@code is_finished} assignment comes first so that
     * it sees the progress before the step.
     */
    @Insert("<script>INSERT INTO task_record (user_id, task_id, period_key, progress, need_count, is_finished) VALUES "
            + "<foreach item='s' collection='steps' separator=','>"
            + "(#{s.userId}, #{s.taskId}, #{s.periodKey}, 1, #{s.needCount}, IF(#{s.needCount} &lt;= 1, 1, 0))</foreach> "
            + "ON DUPLICATE KEY UPDATE is_finished = IF(is_finished = 0 AND progress + 1 >= need_count, 1, is_finished), "
            + "progress = LEAST(progress + 1, need_count)</script>")
    void step(@Param("steps") List<TaskStep> steps);

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

    /** The original's newbie flags, set (never cleared) for several users in one statement. */
    @Insert("<script>INSERT INTO task_progress (user_id, is_participated_lottery, is_initiated_lottery) VALUES "
            + "<foreach item='f' collection='flags' separator=','>(#{f.userId}, #{f.participated}, #{f.initiated})</foreach> "
            + "ON DUPLICATE KEY UPDATE is_participated_lottery = GREATEST(is_participated_lottery, VALUES(is_participated_lottery)), "
            + "is_initiated_lottery = GREATEST(is_initiated_lottery, VALUES(is_initiated_lottery))</script>")
    void markNewbieFlags(@Param("flags") List<NewbieFlags> flags);

    @Select("SELECT is_sub_checkin FROM task_progress WHERE user_id = #{userId}")
    Integer subscribed(@Param("userId") long userId);

    record TaskPeriod(long taskId, String periodKey) {
    }

    record TaskStep(long userId, long taskId, String periodKey, int needCount) {
    }

    record NewbieFlags(long userId, int participated, int initiated) {
    }

    record RecordRow(long taskId, String periodKey, int progress, int isFinished) {
    }

    @Select("SELECT id, type, content, integral, need_count, event_type, enabled FROM tasks ORDER BY id")
    List<TaskDefinition> allTasks();

    @Update("UPDATE tasks SET integral = #{integral}, need_count = #{needCount}, enabled = #{enabled} WHERE id = #{id}")
    int updateDefinition(@Param("id") long id, @Param("integral") int integral, @Param("needCount") int needCount,
            @Param("enabled") boolean enabled);
}
