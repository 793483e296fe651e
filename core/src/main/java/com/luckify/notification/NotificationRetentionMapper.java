package com.luckify.notification;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface NotificationRetentionMapper {

    String IDS = "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>";

    /** Old enough, and no dead letter of it waits for a retry. */
    String EXPIRED = "l.create_time &lt; #{before} AND NOT EXISTS (SELECT 1 FROM notification_dead_letter d "
            + "WHERE d.notification_log_id = l.id AND d.resolved = 0)";

    /** Read on the create_time index only (V17). */
    @Select("SELECT COALESCE(MAX(id), 0) FROM notification_log WHERE create_time < #{before}")
    long lastCreatedBefore(@Param("before") Instant before);

    @Select("<script>SELECT l.id FROM notification_log l WHERE l.id &gt; #{afterId} AND l.id &lt;= #{upToId} AND "
            + EXPIRED + " ORDER BY l.id LIMIT #{limit}</script>")
    List<Long> expiredAfter(@Param("afterId") long afterId, @Param("upToId") long upToId,
            @Param("before") Instant before, @Param("limit") int limit);

    /** The logs of {@code ids} still to be removed, locked: a dead letter can no longer be parked on them meanwhile. */
    @Select("<script>SELECT l.id FROM notification_log l WHERE l.id IN " + IDS + " AND " + EXPIRED
            + " ORDER BY l.id FOR UPDATE</script>")
    List<Long> lockExpired(@Param("ids") List<Long> ids, @Param("before") Instant before);

    @Delete("<script>DELETE FROM notification_dead_letter WHERE notification_log_id IN " + IDS + "</script>")
    int deleteDeadLetters(@Param("ids") List<Long> ids);

    @Delete("<script>DELETE FROM notification_log WHERE id IN " + IDS + "</script>")
    int deleteLogs(@Param("ids") List<Long> ids);
}
