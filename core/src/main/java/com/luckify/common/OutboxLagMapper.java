package com.luckify.common;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** How far behind the event flow is, for {@link OutboxGauges}. */
@Mapper
interface OutboxLagMapper {

    /**
     * Events not yet relayed; deliveries still to be handled (not done, attempts left); dead letters (attempts spent);
     * and the age in seconds, by the database's clock, of the oldest event still to be relayed or handled (0 when
     * none). Each part reads by an index on its "not done" column: cheap however large the handled history.
     */
    @Select("SELECT (SELECT COUNT(*) FROM outbox_event WHERE published_time IS NULL) AS unpublished, "
            + "(SELECT COUNT(*) FROM event_delivery WHERE done_time IS NULL AND attempts < #{maxAttempts}) AS undelivered, "
            + "(SELECT COUNT(*) FROM event_delivery WHERE done_time IS NULL AND attempts >= #{maxAttempts}) AS deadLetters, "
            + "COALESCE(TIMESTAMPDIFF(MICROSECOND, LEAST("
            + "COALESCE((SELECT MIN(create_time) FROM outbox_event WHERE published_time IS NULL), UTC_TIMESTAMP(3)), "
            + "COALESCE((SELECT MIN(e.create_time) FROM event_delivery d JOIN outbox_event e ON e.id = d.event_id "
            + "WHERE d.done_time IS NULL AND d.attempts < #{maxAttempts}), UTC_TIMESTAMP(3))), UTC_TIMESTAMP(3)), 0) "
            + "/ 1000000.0 AS oldestAgeSeconds")
    Lag lag(@Param("maxAttempts") int maxAttempts);

    record Lag(long unpublished, long undelivered, long deadLetters, double oldestAgeSeconds) {
    }
}
