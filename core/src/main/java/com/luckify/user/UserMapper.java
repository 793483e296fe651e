package com.luckify.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface UserMapper {

    UserRow findById(long id);

    @Select("SELECT COUNT(*) FROM `user` WHERE id = #{id} FOR UPDATE")
    int lock(long id);

    UserRow findByMobile(String mobile);

    Long findUserIdByAuth(@Param("authType") String authType, @Param("authKey") String authKey);

    void insertUser(NewUserRow row);

    void insertAuth(@Param("userId") long userId, @Param("authType") String authType, @Param("authKey") String authKey);

    int updatePassword(@Param("id") long id, @Param("expected") String expected, @Param("password") String password);

    List<PublicUserRow> findPublic(@Param("ids") Collection<Long> ids);

    boolean isBlacklisted(@Param("userId") long userId);

    @Select("SELECT token_version FROM `user` WHERE id = #{userId}")
    Integer tokenVersion(long userId);

    @Update("UPDATE `user` SET token_version = token_version + 1, tokens_revoked_at = UTC_TIMESTAMP(3)"
            + " WHERE id = #{userId}")
    int raiseTokenVersion(long userId);

    /** The users whose tokens were revoked at or after {@code since} (idx_user_tokens_revoked_at), with their version. */
    @Select("SELECT id AS user_id, token_version, tokens_revoked_at AS revoked_at FROM `user`"
            + " WHERE tokens_revoked_at >= #{since}")
    List<Revocation> revokedSince(@Param("since") Instant since);

    /** The users a ban is in force on now. */
    List<Long> blacklistedNow();

    /** The database's clock: what {@code tokens_revoked_at} is written by. */
    @Select("SELECT UTC_TIMESTAMP(3)")
    Instant databaseNow();

    @Select("SELECT auth_key FROM user_auth WHERE user_id = #{userId} AND auth_type = #{authType} LIMIT 1")
    String findAuthKey(@Param("userId") long userId, @Param("authType") String authType);

    @Select("<script>SELECT user_id, auth_key FROM user_auth WHERE auth_type = #{authType} AND user_id IN "
            + "<foreach item='id' collection='userIds' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<AuthKeyRow> findAuthKeys(@Param("userIds") Collection<Long> userIds, @Param("authType") String authType);

    record AuthKeyRow(long userId, String authKey) {
    }

    int updateProfile(@Param("id") long id, @Param("changes") ProfileChanges changes);

    // verified mobiles (UserMobiles)

    @Select("SELECT id, mobile_verified_at IS NOT NULL AS verified FROM `user` WHERE mobile = #{mobile} FOR UPDATE")
    MobileHolder lockMobileHolder(String mobile);

    record MobileHolder(long id, boolean verified) {
    }

    @Update("UPDATE `user` SET mobile = NULL WHERE id = #{id} AND mobile_verified_at IS NULL")
    int releaseUnverifiedMobile(long id);

    @Delete("DELETE FROM user_auth WHERE user_id = #{userId} AND auth_type = 'system' AND auth_key = #{mobile}")
    int deletePasswordLogin(@Param("userId") long userId, @Param("mobile") String mobile);

    @Update("UPDATE `user` SET mobile = #{mobile}, mobile_verified_at = #{at} WHERE id = #{id}")
    int setVerifiedMobile(@Param("id") long id, @Param("mobile") String mobile, @Param("at") Instant at);

    @Update("UPDATE user_auth SET auth_key = #{mobile} WHERE user_id = #{userId} AND auth_type = 'system'")
    int movePasswordLogin(@Param("userId") long userId, @Param("mobile") String mobile);

    @Select("SELECT mobile_verified_at IS NOT NULL FROM `user` WHERE id = #{id}")
    Boolean hasVerifiedMobile(long id);

    record PublicUserRow(long id, String nickname, String avatar) {
    }

    record Revocation(long userId, int tokenVersion, Instant revokedAt) {
    }
}
