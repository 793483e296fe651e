package com.luckify.comment;

import com.luckify.common.DailyCount;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ModerationMapper {

    List<ModeratedComment> queue(@Param("filter") ModerationFilter filter, @Param("authorId") Long authorId,
            @Param("offset") long offset, @Param("size") int size);

    long count(@Param("filter") ModerationFilter filter, @Param("authorId") Long authorId);

    @Select("SELECT id, user_id, lottery_id, prize_name, content, pics, praise_count, moderation_state,"
            + " moderation_reason, create_time, deleted_at, deleted_by_staff_id FROM `comment` WHERE id = #{id}")
    ModeratedComment find(long id);

    /** {@link #find} with the row locked: two moderators acting on one comment take turns and see each other's change. */
    @Select("SELECT id, user_id, lottery_id, prize_name, content, pics, praise_count, moderation_state,"
            + " moderation_reason, create_time, deleted_at, deleted_by_staff_id FROM `comment` WHERE id = #{id} FOR UPDATE")
    ModeratedComment lock(long id);

    /** Review decisions apply to comments that are not deleted; {@code update_time} is the author's edit time. */
    @Update("UPDATE `comment` SET moderation_state = #{state}, moderation_reason = #{reason}, update_time = update_time"
            + " WHERE id = #{id} AND deleted_at IS NULL")
    int setState(@Param("id") long id, @Param("state") ModerationState state, @Param("reason") String reason);

    @Update("UPDATE `comment` SET deleted_at = NULL, deleted_by_staff_id = NULL, update_time = update_time"
            + " WHERE id = #{id} AND deleted_at IS NOT NULL")
    int restore(long id);

    @Select("SELECT id, word, enabled, create_time FROM sensitive_word ORDER BY word")
    List<SensitiveWord> words();

    @Insert("INSERT INTO sensitive_word (word) VALUES (#{word})")
    void insertWord(String word);

    @Select("SELECT word FROM sensitive_word WHERE id = #{id}")
    String word(long id);

    @Delete("DELETE FROM sensitive_word WHERE id = #{id}")
    int deleteWord(long id);

    @Select("SELECT DATE(create_time + INTERVAL #{offsetSeconds} SECOND) AS day, COUNT(*) AS count FROM `comment`"
            + " WHERE create_time >= #{from} AND create_time < #{to} GROUP BY day ORDER BY day")
    List<DailyCount> perDay(@Param("from") Instant from, @Param("to") Instant to, @Param("offsetSeconds") int offsetSeconds);
}
