package com.luckify.points;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface PointsMapper {

    /** Creates the balance on the first grant; locks the row until the transaction ends. */
    @Insert("INSERT INTO integral (user_id, integral) VALUES (#{userId}, #{amount}) "
            + "ON DUPLICATE KEY UPDATE integral = integral + #{amount}, version = version + 1")
    void add(@Param("userId") long userId, @Param("amount") long amount);

    /** {@link #add} for several users at once. */
    @Insert("<script>INSERT INTO integral (user_id, integral) VALUES "
            + "<foreach item='g' collection='grants' separator=','>(#{g.userId}, #{g.delta})</foreach> "
            + "ON DUPLICATE KEY UPDATE integral = integral + VALUES(integral), version = version + 1</script>")
    void addAll(@Param("grants") List<PointsLedger.Grant> grants);

    @Select("<script>SELECT user_id, integral AS balance FROM integral WHERE user_id IN "
            + "<foreach item='id' collection='userIds' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<UserBalance> balances(@Param("userIds") Collection<Long> userIds);

    @Insert("<script>INSERT INTO integral_record (user_id, integral, balance_after, reason, content, biz_key) VALUES "
            + "<foreach item='e' collection='entries' separator=','>"
            + "(#{e.userId}, #{e.delta}, #{e.balanceAfter}, #{e.reason}, #{e.content}, #{e.bizKey})</foreach></script>")
    void insertEntries(@Param("entries") List<NewEntry> entries);

    record UserBalance(long userId, long balance) {
    }

    record NewEntry(long userId, long delta, long balanceAfter, String reason, String content, String bizKey) {
    }

    /** Takes {@code amount} only if the balance covers it; 0 rows means it does not. */
    @Update("UPDATE integral SET integral = integral - #{amount}, version = version + 1 "
            + "WHERE user_id = #{userId} AND integral >= #{amount}")
    int take(@Param("userId") long userId, @Param("amount") long amount);

    @Select("SELECT integral FROM integral WHERE user_id = #{userId}")
    Long balance(@Param("userId") long userId);

    @Insert("INSERT INTO integral_record (user_id, integral, balance_after, reason, content, biz_key) "
            + "VALUES (#{userId}, #{delta}, #{balanceAfter}, #{reason}, #{content}, #{bizKey})")
    void insertEntry(@Param("userId") long userId, @Param("delta") long delta, @Param("balanceAfter") long balanceAfter,
            @Param("reason") String reason, @Param("content") String content, @Param("bizKey") String bizKey);

    @Select("SELECT i.user_id, i.integral AS balance, COALESCE((SELECT SUM(r.integral) FROM integral_record r "
            + "WHERE r.user_id = i.user_id), 0) AS ledger_sum FROM integral i WHERE i.user_id > #{afterUserId} "
            + "ORDER BY i.user_id LIMIT #{limit}")
    List<BalanceTally> balancesAfter(@Param("afterUserId") long afterUserId, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM integral_record WHERE biz_key = #{bizKey}")
    int countByBizKey(@Param("bizKey") String bizKey);

    @Select("SELECT id, integral AS delta, balance_after, reason, content, create_time FROM integral_record"
            + " WHERE user_id = #{userId} ORDER BY id DESC LIMIT #{size} OFFSET #{offset}")
    List<PointsEntry> entriesOf(@Param("userId") long userId, @Param("offset") long offset, @Param("size") int size);

    @Select("SELECT COUNT(*) FROM integral_record WHERE user_id = #{userId}")
    long countEntriesOf(long userId);

    @Select("SELECT reason, COALESCE(SUM(CASE WHEN integral > 0 THEN integral END), 0) AS granted,"
            + " COALESCE(-SUM(CASE WHEN integral < 0 THEN integral END), 0) AS spent, COUNT(*) AS entries"
            + " FROM integral_record WHERE create_time >= #{from} AND create_time < #{to} GROUP BY reason ORDER BY reason")
    List<PointsLiability.ReasonTotal> totalsByReason(@Param("from") Instant from, @Param("to") Instant to);

    /** Every user's balance at {@code to}: the ledger up to then (the balance column is only the present). */
    @Select("SELECT COALESCE(SUM(integral), 0) FROM integral_record WHERE create_time < #{to}")
    long outstandingAt(@Param("to") Instant to);

    @Select("SELECT COUNT(DISTINCT user_id) FROM integral_record WHERE create_time < #{to}")
    long holdersAt(@Param("to") Instant to);

    @Select("SELECT r.user_id, SUM(r.integral) AS earned, COALESCE(i.integral, 0) AS balance FROM integral_record r"
            + " LEFT JOIN integral i ON i.user_id = r.user_id"
            + " WHERE r.create_time >= #{from} AND r.create_time < #{to} AND r.integral > 0"
            + " GROUP BY r.user_id, i.integral ORDER BY earned DESC, r.user_id LIMIT #{limit}")
    List<EarnerRow> topEarners(@Param("from") Instant from, @Param("to") Instant to, @Param("limit") int limit);

    record EarnerRow(long userId, long earned, long balance) {
    }
}
