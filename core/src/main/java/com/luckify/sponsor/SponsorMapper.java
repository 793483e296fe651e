package com.luckify.sponsor;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface SponsorMapper {

    Sponsor findLive(long id);

    Sponsor findAny(long id);

    /** Locks the row so a delete and a lottery that picks this sponsor cannot interleave. */
    Sponsor lockLive(long id);

    /** Shared lock: a lottery may pick the sponsor, a concurrent delete waits (and then sees it in use). */
    Sponsor lockLiveShared(long id);

    List<Sponsor> listByOwner(@Param("userId") long userId, @Param("offset") long offset, @Param("limit") int limit);

    void insert(@Param("row") NewSponsorRow row);

    int update(@Param("id") long id, @Param("draft") SponsorDraft draft);

    int softDelete(long id);

    /** Every live sponsor, newest first; {@code namePattern} (a LIKE pattern) or {@code ownerId} narrow it. */
    List<Sponsor> search(@Param("namePattern") String namePattern, @Param("ownerId") Long ownerId,
            @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("namePattern") String namePattern, @Param("ownerId") Long ownerId);

    /** Staff's hide, kept apart from the owner's own is_show, so the owner cannot undo it. */
    @Update("UPDATE user_sponsor SET hidden_by_staff = #{hidden} WHERE id = #{id} AND deleted_at IS NULL")
    int setHiddenByStaff(@Param("id") long id, @Param("hidden") boolean hidden);
}
