package com.luckify.common;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OutboxMapper {

    @Insert("INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, payload) "
            + "VALUES (#{eventType}, #{aggregateType}, #{aggregateId}, #{payload})")
    void insert(@Param("eventType") String eventType, @Param("aggregateType") String aggregateType,
            @Param("aggregateId") long aggregateId, @Param("payload") String payload);
}
