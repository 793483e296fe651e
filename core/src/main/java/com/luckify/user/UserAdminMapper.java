package com.luckify.user;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface UserAdminMapper {

    List<UserSummary> search(@Param("id") Long id, @Param("mobile") String mobile, @Param("nickname") String nickname,
            @Param("now") Instant now, @Param("offset") long offset, @Param("size") int size);

    long count(@Param("id") Long id, @Param("mobile") String mobile, @Param("nickname") String nickname);

    @Select("SELECT id, user_id, reason, expires_at, created_by_staff_id, create_time, lifted_at, lifted_by_staff_id"
            + " FROM user_blacklist WHERE user_id = #{userId} ORDER BY id DESC")
    List<BlacklistEntry> blacklistOf(long userId);

    @Insert("INSERT INTO user_blacklist (user_id, reason, expires_at, created_by_staff_id)"
            + " VALUES (#{userId}, #{reason}, #{expiresAt}, #{staffId})")
    void insertBlacklist(@Param("userId") long userId, @Param("reason") String reason,
            @Param("expiresAt") Instant expiresAt, @Param("staffId") long staffId);

    @Update("UPDATE user_blacklist SET lifted_at = #{now}, lifted_by_staff_id = #{staffId} WHERE user_id = #{userId}"
            + " AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > #{now})")
    int lift(@Param("userId") long userId, @Param("staffId") long staffId, @Param("now") Instant now);

    /** Locks the user's row, so two staff blacklisting the same user at once make one ban, not two. */
    @Select("SELECT id FROM `user` WHERE id = #{userId} FOR UPDATE")
    Long lockUser(long userId);
}
