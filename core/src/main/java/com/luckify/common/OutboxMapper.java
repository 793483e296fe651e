package com.luckify.common;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface OutboxMapper {

    @Insert("<script>INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, payload, trace_parent, "
            + "trace_state) VALUES <foreach item='e' collection='events' separator=','>(#{e.eventType}, "
            + "#{e.aggregateType}, #{e.aggregateId}, #{e.payload}, #{e.traceParent}, #{e.traceState})</foreach></script>")
    void insertAll(@Param("events") List<NewEvent> events);

    record NewEvent(String eventType, String aggregateType, long aggregateId, String payload, String traceParent,
            String traceState) {
    }

    /** Locks the oldest unrelayed events; rows another relay holds are skipped, not waited for. */
    @Select("SELECT id, event_type, aggregate_type, aggregate_id, payload, create_time FROM outbox_event "
            + "WHERE published_time IS NULL ORDER BY id LIMIT #{limit} FOR UPDATE SKIP LOCKED")
    List<OutboxRow> claimPending(@Param("limit") int limit);

    @Update("<script>UPDATE outbox_event SET published_time = CURRENT_TIMESTAMP(3) WHERE id IN "
            + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
    void markPublished(@Param("ids") List<Long> ids);

    record OutboxRow(long id, String eventType, String aggregateType, long aggregateId, String payload,
            Instant createTime) {
    }
}
