package com.luckify.lottery;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The draw record's seed columns: only {@link DrawSeeds} writes them before the draw. */
@Mapper
interface DrawSeedMapper {

    @Insert("INSERT INTO draw_record (lottery_id, sealed_seed, seed_key_id, seed_hash, state) "
            + "VALUES (#{lotteryId}, #{sealed}, #{keyId}, #{seedHash}, 'PENDING')")
    void insert(@Param("lotteryId") long lotteryId, @Param("sealed") byte[] sealed, @Param("keyId") String keyId,
            @Param("seedHash") String seedHash);

    /** Records not yet drawn whose seed is in clear (from before V23) or sealed with another key than the current. */
    // by the state index over the few records not drawn, not a scan of every draw ever made, at each start-up
    @Select("SELECT id, lottery_id, seed, sealed_seed, seed_key_id FROM draw_record "
            + "WHERE state IN ('PENDING', 'DRAWING', 'CANCELLED') AND seed_key_id <> #{currentKeyId} AND id > #{afterId} "
            + "ORDER BY id LIMIT #{limit}")
    List<SeedRow> notSealedWith(@Param("currentKeyId") String currentKeyId, @Param("afterId") long afterId,
            @Param("limit") int limit);

    @Update("UPDATE draw_record SET seed = NULL, sealed_seed = #{sealed}, seed_key_id = #{keyId} "
            + "WHERE id = #{id} AND seed_key_id = #{readWith} AND state <> 'DRAWN'")
    int reseal(@Param("id") long id, @Param("readWith") String readWith, @Param("sealed") byte[] sealed,
            @Param("keyId") String keyId);

    record SeedRow(long id, long lotteryId, byte[] seed, byte[] sealedSeed, String seedKeyId) {
    }
}
