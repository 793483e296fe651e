package com.luckify.sponsor;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SponsorMapper {

    Sponsor findLive(long id);

    /** Locks the row so a delete and a lottery that picks this sponsor cannot interleave. */
    Sponsor lockLive(long id);

    List<Sponsor> listByOwner(@Param("userId") long userId, @Param("offset") long offset, @Param("limit") int limit);

    void insert(@Param("row") NewSponsorRow row);

    int update(@Param("id") long id, @Param("draft") SponsorDraft draft);

    int softDelete(long id);
}
