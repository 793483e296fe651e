package com.luckify.sponsor;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

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
}
