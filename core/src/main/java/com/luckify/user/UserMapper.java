package com.luckify.user;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface UserMapper {

    UserRow findById(long id);

    UserRow findByMobile(String mobile);

    Long findUserIdByAuth(@Param("authType") String authType, @Param("authKey") String authKey);

    void insertUser(NewUserRow row);

    void insertAuth(@Param("userId") long userId, @Param("authType") String authType, @Param("authKey") String authKey);

    int updatePassword(@Param("id") long id, @Param("expected") String expected, @Param("password") String password);

    List<PublicUserRow> findPublic(@Param("ids") Collection<Long> ids);

    int countActiveBlacklist(long userId);

    @Select("SELECT auth_key FROM user_auth WHERE user_id = #{userId} AND auth_type = #{authType} LIMIT 1")
    String findAuthKey(@Param("userId") long userId, @Param("authType") String authType);

    @Select("<script>SELECT user_id, auth_key FROM user_auth WHERE auth_type = #{authType} AND user_id IN "
            + "<foreach item='id' collection='userIds' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<AuthKeyRow> findAuthKeys(@Param("userIds") Collection<Long> userIds, @Param("authType") String authType);

    record AuthKeyRow(long userId, String authKey) {
    }

    int updateProfile(@Param("id") long id, @Param("changes") ProfileChanges changes);

    record PublicUserRow(long id, String nickname, String avatar) {
    }
}
