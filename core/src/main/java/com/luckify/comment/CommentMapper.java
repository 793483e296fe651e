package com.luckify.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CommentMapper {

    @Insert("INSERT INTO `comment` (user_id, lottery_id, prize_name, content, pics, moderation_state, moderation_reason) "
            + "VALUES (#{row.userId}, #{row.lotteryId}, #{row.prizeName}, #{row.content}, #{row.pics}, "
            + "#{row.moderationState}, #{row.moderationReason})")
    @Options(useGeneratedKeys = true, keyProperty = "row.id")
    void insert(@Param("row") NewCommentRow row);

    /** Any comment that is not deleted, whatever its moderation state. */
    Comment findLive(@Param("id") long id);

    /** Locks the comment, so that the likes of one comment are counted one toggle at a time. */
    Comment lockLive(@Param("id") long id);

    /**
     * A page of the visible comments and the viewer's own pending ones; {@code afterLikes} null continues by
     * id only. Plain parameters rather than a record: the dynamic SQL reads them on every call.
     */
    List<ListedComment> page(@Param("viewerId") long viewerId, @Param("lotteryId") long lotteryId,
            @Param("mostLiked") boolean mostLiked, @Param("afterLikes") Integer afterLikes, @Param("afterId") long afterId,
            @Param("size") int size);

    /** The ids and like counts of a page query: the most-liked order, for a snapshot. */
    List<RankedComment> rank(@Param("viewerId") long viewerId, @Param("lotteryId") long lotteryId,
            @Param("mostLiked") boolean mostLiked, @Param("afterLikes") Integer afterLikes, @Param("afterId") long afterId,
            @Param("size") int size);

    /** These comments, if the viewer may still see them (not deleted; visible, or the viewer's own pending). */
    List<ListedComment> findVisibleTo(@Param("viewerId") long viewerId, @Param("ids") Collection<Long> ids);

    /** Up to {@code limit} of the comments the user liked (by {@code uk_praise_user_comment}). */
    @Select("SELECT comment_id FROM praise WHERE user_id = #{userId} LIMIT #{limit}")
    List<Long> likedBy(@Param("userId") long userId, @Param("limit") int limit);

    /** Whether the user has a live comment in review, which lists show to its author only. */
    @Select("SELECT EXISTS (SELECT 1 FROM `comment` WHERE user_id = #{userId} AND moderation_state = 'PENDING' "
            + "AND deleted_at IS NULL)")
    boolean hasPending(@Param("userId") long userId);

    @Select("SELECT COALESCE(MAX(id), 0) FROM `comment` WHERE moderation_state = 'VISIBLE' AND deleted_at IS NULL")
    long lastVisibleId();

    /** The author's edit; the like count is left as it is (the original reset it to 0). */
    @Update("UPDATE `comment` SET prize_name = #{draft.prizeName}, content = #{draft.content}, pics = #{draft.pics}, "
            + "moderation_state = #{state}, moderation_reason = #{reason}, version = version + 1 "
            + "WHERE id = #{id} AND user_id = #{userId} AND deleted_at IS NULL")
    int updateByAuthor(@Param("id") long id, @Param("userId") long userId, @Param("draft") CommentDraft draft,
            @Param("state") ModerationState state, @Param("reason") String reason);

    @Update("UPDATE `comment` SET deleted_at = #{now}, update_time = update_time "
            + "WHERE id = #{id} AND user_id = #{userId} AND deleted_at IS NULL")
    int deleteByAuthor(@Param("id") long id, @Param("userId") long userId, @Param("now") Instant now);

    @Update("UPDATE `comment` SET deleted_at = #{now}, deleted_by_staff_id = #{staffId}, update_time = update_time "
            + "WHERE id = #{id} AND deleted_at IS NULL")
    int deleteByStaff(@Param("id") long id, @Param("staffId") long staffId, @Param("now") Instant now);

    @Select("SELECT user_id FROM `comment` WHERE id = #{id}")
    Long authorOf(@Param("id") long id);

    @Delete("DELETE FROM praise WHERE user_id = #{userId} AND comment_id = #{commentId}")
    int deletePraise(@Param("userId") long userId, @Param("commentId") long commentId);

    @Insert("INSERT INTO praise (user_id, comment_id) VALUES (#{userId}, #{commentId})")
    void insertPraise(@Param("userId") long userId, @Param("commentId") long commentId);

    /** A like is not an edit: {@code update_time} keeps the time the author last wrote. */
    @Update("UPDATE `comment` SET praise_count = praise_count + #{delta}, update_time = update_time WHERE id = #{id}")
    void addPraises(@Param("id") long id, @Param("delta") int delta);

    @Select("SELECT c.id AS comment_id, c.praise_count AS stored, (SELECT COUNT(*) FROM praise p WHERE p.comment_id = c.id) "
            + "AS counted FROM `comment` c WHERE c.id > #{afterId} ORDER BY c.id LIMIT #{limit}")
    List<LikeTally> likeTalliesAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    @Update("UPDATE `comment` SET praise_count = (SELECT COUNT(*) FROM praise WHERE comment_id = #{id}), "
            + "update_time = update_time WHERE id = #{id}")
    void recountPraises(@Param("id") long id);

    @Select("SELECT word FROM sensitive_word WHERE enabled = 1")
    List<String> enabledSensitiveWords();
}
