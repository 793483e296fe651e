package com.luckify.checkin;

import com.luckify.common.DailyCount;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CheckinMapper {

    @Select("SELECT continuous_days FROM checkin_record WHERE user_id = #{userId} AND checkin_date = #{day}")
    Integer continuousDaysOn(@Param("userId") long userId, @Param("day") LocalDate day);

    /** The unique (user, day) key refuses a second check-in on the same business day. */
    @Insert("INSERT INTO checkin_record (user_id, checkin_date, streak_day, continuous_days, reward) "
            + "VALUES (#{userId}, #{day}, #{streakDay}, #{continuousDays}, #{reward})")
    void insert(@Param("userId") long userId, @Param("day") LocalDate day, @Param("streakDay") int streakDay,
            @Param("continuousDays") int continuousDays, @Param("reward") int reward);

    /** The check-ins of these users on these days (any of the users on any of the days). */
    @Select("<script>SELECT user_id, checkin_date, continuous_days FROM checkin_record WHERE user_id IN "
            + "<foreach item='id' collection='userIds' open='(' separator=',' close=')'>#{id}</foreach> "
            + "AND checkin_date IN <foreach item='d' collection='days' open='(' separator=',' close=')'>#{d}</foreach>"
            + "</script>")
    List<DayStreak> continuousDaysOnAny(@Param("userIds") Collection<Long> userIds,
            @Param("days") Collection<LocalDate> days);

    @Insert("<script>INSERT INTO checkin_record (user_id, checkin_date, streak_day, continuous_days, reward) VALUES "
            + "<foreach item='c' collection='rows' separator=','>"
            + "(#{c.userId}, #{c.day}, #{c.streakDay}, #{c.continuousDays}, #{c.reward})</foreach></script>")
    void insertAll(@Param("rows") List<NewCheckin> rows);

    record DayStreak(long userId, LocalDate checkinDate, int continuousDays) {
    }

    record NewCheckin(long userId, LocalDate day, int streakDay, int continuousDays, int reward) {
    }

    @Select("SELECT checkin_date, streak_day FROM checkin_record WHERE user_id = #{userId} "
            + "ORDER BY checkin_date DESC LIMIT 1")
    LastCheckin last(@Param("userId") long userId);

    /** Subscribers without a check-in today, after a user id, with yesterday's cycle day if they checked in then. */
    @Select("SELECT tp.user_id, y.streak_day AS yesterday_streak_day FROM task_progress tp "
            + "LEFT JOIN checkin_record y ON y.user_id = tp.user_id AND y.checkin_date = #{yesterday} "
            + "WHERE tp.is_sub_checkin = 1 AND tp.user_id > #{afterUserId} AND NOT EXISTS (SELECT 1 FROM checkin_record t "
            + "WHERE t.user_id = tp.user_id AND t.checkin_date = #{today}) ORDER BY tp.user_id LIMIT #{limit}")
    List<ReminderRow> subscribersWithoutCheckin(@Param("today") LocalDate today, @Param("yesterday") LocalDate yesterday,
            @Param("afterUserId") long afterUserId, @Param("limit") int limit);

    record ReminderRow(long userId, Integer yesterdayStreakDay) {
    }

    record LastCheckin(LocalDate checkinDate, int streakDay) {
    }

    @Select("SELECT checkin_date, streak_day, continuous_days, reward FROM checkin_record WHERE user_id = #{userId}"
            + " ORDER BY checkin_date DESC LIMIT #{limit}")
    List<CheckinDay> historyOf(@Param("userId") long userId, @Param("limit") int limit);

    /** Check-ins carry their business day, so no time shifting is needed here. */
    @Select("SELECT checkin_date AS day, COUNT(*) AS count FROM checkin_record WHERE checkin_date >= #{from}"
            + " AND checkin_date <= #{to} GROUP BY checkin_date ORDER BY checkin_date")
    List<DailyCount> perDay(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("SELECT reward FROM checkin_reward ORDER BY cycle_day")
    List<Integer> rewards();

    /** Keeps a reward that is there: the setting only seeds the table. */
    @Insert("INSERT IGNORE INTO checkin_reward (cycle_day, reward) VALUES (#{day}, #{reward})")
    void seedReward(@Param("day") int day, @Param("reward") int reward);

    @Update("UPDATE checkin_reward SET reward = #{reward} WHERE cycle_day = #{day}")
    void setReward(@Param("day") int day, @Param("reward") int reward);
}
