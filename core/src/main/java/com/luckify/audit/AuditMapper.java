package com.luckify.audit;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

    @Insert("INSERT INTO audit_log (actor_type, actor_id, actor_name, action, target_type, target_id, before_json,"
            + " after_json, ip) VALUES ('STAFF', #{actor.staffId}, #{actor.name}, #{action}, #{targetType}, #{targetId},"
            + " #{before}, #{after}, #{actor.ip})")
    void insert(@Param("actor") StaffActor actor, @Param("action") String action, @Param("targetType") String targetType,
            @Param("targetId") String targetId, @Param("before") String before, @Param("after") String after);

    List<AuditEntry> search(@Param("q") AuditQuery query, @Param("offset") long offset, @Param("size") int size);

    long count(@Param("q") AuditQuery query);

    List<String> actions();
}
