package com.luckify.notification;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface NotificationMapper {

    /** Claims the notice before anything is sent; 0 rows: it was claimed before, by anyone. */
    @Insert("INSERT IGNORE INTO notification_log (user_id, kind, reference, notify_day, template_id, payload, state) "
            + "VALUES (#{row.userId}, #{row.kind}, #{row.reference}, #{row.day}, #{row.templateId}, #{row.payload}, 'PENDING')")
    @Options(useGeneratedKeys = true, keyProperty = "row.id")
    int claim(@Param("row") NewNotificationRow row);

    @Update("UPDATE notification_log SET state = #{state}, attempts = #{attempts}, last_error = #{error}, "
            + "sent_time = IF(#{state} = 'SENT', CURRENT_TIMESTAMP(3), sent_time) WHERE id = #{id}")
    void finish(@Param("id") long id, @Param("state") String state, @Param("attempts") int attempts,
            @Param("error") String error);

    @Insert("INSERT INTO notification_dead_letter (notification_log_id, error, payload) VALUES (#{logId}, #{error}, #{payload})")
    void park(@Param("logId") long logId, @Param("error") String error, @Param("payload") String payload);

    @Select("SELECT l.id, l.user_id, l.template_id, l.payload, l.attempts FROM notification_dead_letter d "
            + "JOIN notification_log l ON l.id = d.notification_log_id WHERE d.id = #{id} AND d.resolved = 0")
    ParkedRow parked(@Param("id") long deadLetterId);

    @Update("UPDATE notification_dead_letter SET retried_time = CURRENT_TIMESTAMP(3), resolved = #{resolved} "
            + "WHERE id = #{id}")
    void retried(@Param("id") long deadLetterId, @Param("resolved") int resolved);

    @Select("<script>SELECT d.id, l.user_id, l.kind, l.reference, d.error, d.create_time, d.retried_time, d.resolved"
            + " FROM notification_dead_letter d JOIN notification_log l ON l.id = d.notification_log_id"
            + "<if test='openOnly'> WHERE d.resolved = 0</if> ORDER BY d.id DESC LIMIT #{size} OFFSET #{offset}</script>")
    List<DeadLetter> deadLetters(@Param("openOnly") boolean openOnly, @Param("offset") long offset, @Param("size") int size);

    @Select("<script>SELECT COUNT(*) FROM notification_dead_letter d<if test='openOnly'> WHERE d.resolved = 0</if></script>")
    long countDeadLetters(@Param("openOnly") boolean openOnly);

    record ParkedRow(long id, long userId, String templateId, String payload, int attempts) {
    }
}
