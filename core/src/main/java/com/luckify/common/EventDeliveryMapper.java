package com.luckify.common;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface EventDeliveryMapper {

    String IDS = "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>";

    @Insert("<script>INSERT IGNORE INTO event_delivery (subscription, event_id) VALUES "
            + "<foreach item='id' collection='ids' separator=','>(#{subscription}, #{id})</foreach></script>")
    void insert(@Param("subscription") String subscription, @Param("ids") List<Long> ids);

    /** The deliveries of these events still to do, locked; those another consumer holds are skipped. */
    @Select("<script>SELECT event_id FROM event_delivery WHERE subscription = #{subscription} AND event_id IN " + IDS
            + " AND done_time IS NULL AND attempts &lt; #{maxAttempts} ORDER BY event_id FOR UPDATE SKIP LOCKED</script>")
    List<Long> lockUndone(@Param("subscription") String subscription, @Param("ids") List<Long> ids,
            @Param("maxAttempts") int maxAttempts);

    @Select("<script>SELECT event_id FROM event_delivery WHERE subscription = #{subscription} AND event_id IN " + IDS
            + " AND done_time IS NULL AND attempts &lt; #{maxAttempts} ORDER BY event_id</script>")
    List<Long> undone(@Param("subscription") String subscription, @Param("ids") List<Long> ids,
            @Param("maxAttempts") int maxAttempts);

    @Select("<script>SELECT id, event_type, aggregate_type, aggregate_id, payload, create_time, trace_parent, trace_state "
            + "FROM outbox_event WHERE id IN " + IDS + " ORDER BY id</script>")
    List<EventRow> events(@Param("ids") List<Long> ids);

    @Update("<script>UPDATE event_delivery SET done_time = CURRENT_TIMESTAMP(3), done_by = #{doneBy} "
            + "WHERE subscription = #{subscription} AND event_id IN " + IDS + "</script>")
    void markDone(@Param("subscription") String subscription, @Param("ids") List<Long> ids,
            @Param("doneBy") String doneBy);

    /** Counts a failed attempt; the retry waits from now (see {@link #claimOverdue}). */
    @Update("UPDATE event_delivery SET attempts = attempts + 1, last_error = #{error}, relay_time = CURRENT_TIMESTAMP(3) "
            + "WHERE subscription = #{subscription} AND event_id = #{id} AND done_time IS NULL")
    void recordFailure(@Param("subscription") String subscription, @Param("id") long id, @Param("error") String error);

    /** The failed attempts of one delivery so far, or null when there is no such delivery. */
    @Select("SELECT attempts FROM event_delivery WHERE subscription = #{subscription} AND event_id = #{id}")
    Integer attempts(@Param("subscription") String subscription, @Param("id") long id);

    /**
     * Undone deliveries due to be sent again, locked: never failed but sent more than {@code redeliverMs} ago (the
     * message was lost), or failed {@code n} times and last tried more than {@code n × backoffMs} ago.
     */
    @Select("SELECT subscription, event_id FROM event_delivery WHERE done_time IS NULL AND attempts < #{maxAttempts} "
            + "AND relay_time < CURRENT_TIMESTAMP(3) - INTERVAL IF(attempts = 0, #{redeliverMs}, attempts * #{backoffMs}) * 1000 MICROSECOND "
            + "ORDER BY relay_time LIMIT #{limit} FOR UPDATE SKIP LOCKED")
    List<Pending> claimOverdue(@Param("redeliverMs") long redeliverMs, @Param("backoffMs") long backoffMs,
            @Param("maxAttempts") int maxAttempts, @Param("limit") int limit);

    @Update("<script>UPDATE event_delivery SET relay_time = CURRENT_TIMESTAMP(3) WHERE subscription = #{subscription} "
            + "AND event_id IN " + IDS + "</script>")
    void markRelayed(@Param("subscription") String subscription, @Param("ids") List<Long> ids);

    record Pending(String subscription, long eventId) {
    }

    /** An event as its consumers read it, with the trace context it was recorded in. */
    record EventRow(long id, String eventType, String aggregateType, long aggregateId, String payload,
            Instant createTime, String traceParent, String traceState) {
    }
}
