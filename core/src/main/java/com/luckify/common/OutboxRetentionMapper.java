package com.luckify.common;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface OutboxRetentionMapper {

    String IDS = "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>";

    /** An event every subscription has handled: relayed, and none of its deliveries undone (dead letters are undone). */
    String HANDLED = "e.published_time &lt; #{before} AND NOT EXISTS (SELECT 1 FROM event_delivery d "
            + "WHERE d.event_id = e.id AND d.done_time IS NULL)";

    /** Read on the (published_time, id) index only. */
    @Select("SELECT COALESCE(MAX(id), 0) FROM outbox_event WHERE published_time < #{before}")
    long lastRelayedBefore(@Param("before") Instant before);

    @Select("<script>SELECT e.id FROM outbox_event e WHERE e.id &gt; #{afterId} AND e.id &lt;= #{upToId} AND " + HANDLED
            + " ORDER BY e.id LIMIT #{limit}</script>")
    List<Long> handledAfter(@Param("afterId") long afterId, @Param("upToId") long upToId,
            @Param("before") Instant before, @Param("limit") int limit);

    /** The events of {@code ids} still to be removed, locked until the deletion commits. */
    @Select("<script>SELECT e.id FROM outbox_event e WHERE e.id IN " + IDS + " AND " + HANDLED
            + " ORDER BY e.id FOR UPDATE</script>")
    List<Long> lockHandled(@Param("ids") List<Long> ids, @Param("before") Instant before);

    @Delete("<script>DELETE FROM event_delivery WHERE event_id IN " + IDS + "</script>")
    int deleteDeliveries(@Param("ids") List<Long> ids);

    @Delete("<script>DELETE FROM outbox_event WHERE id IN " + IDS + "</script>")
    int deleteEvents(@Param("ids") List<Long> ids);
}
