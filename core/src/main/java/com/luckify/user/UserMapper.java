package com.luckify.user;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

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

    int updateProfile(@Param("id") long id, @Param("changes") ProfileChanges changes);

    record PublicUserRow(long id, String nickname, String avatar) {
    }
}
