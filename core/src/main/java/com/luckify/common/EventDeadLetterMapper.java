package com.luckify.common;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Dead letters of the event flows: undone {@code event_delivery} rows whose handler failed max-attempts times. */
@Mapper
interface EventDeadLetterMapper {

    String COLUMNS = "d.subscription, d.event_id, e.event_type, e.aggregate_type, e.aggregate_id, d.attempts, "
            + "d.last_error, d.relay_time AS failed_time, e.create_time AS occurred_time";
    String DEAD = "d.done_time IS NULL AND d.attempts &gt;= #{maxAttempts}";
    String FILTER = "<if test='subscription != null'> AND d.subscription = #{subscription}</if>"
            + "<if test='eventType != null'> AND e.event_type = #{eventType}</if>";
    String KEYS = "(d.subscription, d.event_id) IN <foreach item='k' collection='keys' open='(' separator=',' close=')'>"
            + "(#{k.subscription}, #{k.eventId})</foreach>";

    /** Newest failure first; the undone-index keeps the scan to undone deliveries. */
    @Select("<script>SELECT " + COLUMNS + " FROM event_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE " + DEAD
            + FILTER + " ORDER BY d.relay_time DESC, d.event_id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<EventDeadLetter> page(@Param("subscription") String subscription, @Param("eventType") String eventType,
            @Param("maxAttempts") int maxAttempts, @Param("offset") long offset, @Param("limit") int limit);

    @Select("<script>SELECT COUNT(*) FROM event_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE " + DEAD
            + FILTER + "</script>")
    long count(@Param("subscription") String subscription, @Param("eventType") String eventType,
            @Param("maxAttempts") int maxAttempts);

    @Select("<script>SELECT d.subscription, d.event_id, e.event_type, e.aggregate_type, e.aggregate_id, e.payload, "
            + "d.attempts, d.last_error, d.relay_time, e.create_time AS occurred_time, d.done_time, d.done_by, "
            + "(" + DEAD + ") AS dead FROM event_delivery d JOIN outbox_event e ON e.id = d.event_id "
            + "WHERE d.subscription = #{subscription} AND d.event_id = #{eventId}</script>")
    EventDeliveryDetail find(@Param("subscription") String subscription, @Param("eventId") long eventId,
            @Param("maxAttempts") int maxAttempts);

    /** Those of {@code keys} that are dead letters now, locked, in key order (two retries never lock crosswise). */
    @Select("<script>SELECT " + COLUMNS + " FROM event_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE " + DEAD
            + " AND " + KEYS + " ORDER BY d.subscription, d.event_id FOR UPDATE</script>")
    List<EventDeadLetter> lockDead(@Param("keys") List<EventDeliveryKey> keys, @Param("maxAttempts") int maxAttempts);

    /** Up to {@code limit} dead letters matching the filter, locked, in key order. */
    @Select("<script>SELECT " + COLUMNS + " FROM event_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE " + DEAD
            + FILTER + " ORDER BY d.subscription, d.event_id LIMIT #{limit} FOR UPDATE</script>")
    List<EventDeadLetter> lockDeadMatching(@Param("subscription") String subscription,
            @Param("eventType") String eventType, @Param("maxAttempts") int maxAttempts, @Param("limit") int limit);

    /**
     * Puts a dead letter back: no failures counted, and a relay time long past, so the relay's next look for
     * overdue deliveries sends it to its consumer whatever {@code redeliver-after} is. Guarded: a delivery done or
     * put back meanwhile is left as it is (0 rows).
     */
    @Update("UPDATE event_delivery SET attempts = 0, relay_time = TIMESTAMP '2000-01-01 00:00:00' "
            + "WHERE subscription = #{subscription} AND event_id = #{eventId} AND done_time IS NULL "
            + "AND attempts >= #{maxAttempts}")
    int putBack(@Param("subscription") String subscription, @Param("eventId") long eventId,
            @Param("maxAttempts") int maxAttempts);
}
