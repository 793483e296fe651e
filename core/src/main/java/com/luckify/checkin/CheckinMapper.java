package com.luckify.checkin;

import java.time.LocalDate;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface CheckinMapper {

    @Select("SELECT continuous_days FROM checkin_record WHERE user_id = #{userId} AND checkin_date = #{day}")
    Integer continuousDaysOn(@Param("userId") long userId, @Param("day") LocalDate day);

    /** The unique (user, day) key refuses a second check-in on the same business day. */
    @Insert("INSERT INTO checkin_record (user_id, checkin_date, streak_day, continuous_days, reward) "
            + "VALUES (#{userId}, #{day}, #{streakDay}, #{continuousDays}, #{reward})")
    void insert(@Param("userId") long userId, @Param("day") LocalDate day, @Param("streakDay") int streakDay,
            @Param("continuousDays") int continuousDays, @Param("reward") int reward);

    @Select("SELECT checkin_date, streak_day FROM checkin_record WHERE user_id = #{userId} "
            + "ORDER BY checkin_date DESC LIMIT 1")
    LastCheckin last(@Param("userId") long userId);

    record LastCheckin(LocalDate checkinDate, int streakDay) {
    }
}
