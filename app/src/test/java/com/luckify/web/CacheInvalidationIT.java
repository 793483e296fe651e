package com.luckify.web;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static com.luckify.support.LuckifyProcesses.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A committed change is never answered as an error because the caches could not be told of it. The fault is
 * Redis refusing the announcement itself: the caches' generation counters are made lists, so the script that
 * bumps them fails (WRONGTYPE) for as long as the test keeps them so, while everything else Redis holds works.
 */
class CacheInvalidationIT extends IntegrationTest {

    private static final String COMMENT_GENERATION = "luckify:comment:generation";
    private static final String LOTTERY_GENERATION = "luckify:lottery:generation";

    @Autowired
    RedissonClient redisson;

    @Test
    void changesStandAndAnswerSuccessWhenTheCachesCannotBeToldAndTheCachesCatchUpLater() throws Exception {
        String owner = newUserToken();
        long lotteryId = createLottery(owner, lottery(1, 0, prize(1, 1)));
        long authorId = userIdOf(owner);
        jdbc.update("INSERT INTO `comment` (user_id, lottery_id, prize_name, content, pics) VALUES (?, ?, '一等奖', '晒单', '')",
                authorId, lotteryId);
        long commentId = jdbc.queryForObject("SELECT MAX(id) FROM `comment` WHERE user_id = ?", Long.class, authorId);
        String fan = newUserToken();

        breakGeneration(COMMENT_GENERATION);
        breakGeneration(LOTTERY_GENERATION);
        Response like;
        Response profile;
        Response created;
        try {
            like = api.post("/comment/v1/comment/commentPraise", "{\"id\":" + commentId + "}", fan);
            profile = api.put("/usercenter/v1/user/update", "{\"nickname\":\"新昵称\"}", owner);
            created = api.post("/lottery/v1/lottery/createLottery", lottery(1, 0, prize(1, 1)), owner);
        } finally {
            redisson.getKeys().delete(COMMENT_GENERATION, LOTTERY_GENERATION);
        }

        assertThat(like.code()).as("%s", like).isEqualTo(200);
        assertThat(like.data().path("isPraise").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM praise WHERE comment_id = ?", Integer.class, commentId))
                .isEqualTo(1);
        assertThat(profile.code()).as("%s", profile).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT nickname FROM `user` WHERE id = ?", String.class, authorId))
                .isEqualTo("新昵称");
        assertThat(created.code()).as("%s", created).isEqualTo(200);
        long createdId = created.data().path("id").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery WHERE id = ?", Integer.class, createdId)).isEqualTo(1);
        // the owed announcements are made by the caches' watch once Redis takes them
        await("the comment cache's owed bump", 5, () -> redisson.getAtomicLong(COMMENT_GENERATION).get() > 0);
        await("the lottery cache's owed bump", 5, () -> redisson.getAtomicLong(LOTTERY_GENERATION).get() > 0);
        await("the new lottery listed", 5, () -> api.post("/lottery/v1/lottery/lotteryList",
                "{\"lastId\":0,\"pageSize\":20,\"isSelected\":0}").body().contains("\"id\":" + createdId + ","));
    }

    /** A counter of the wrong type: INCR on it fails, and the bump script with it. */
    private void breakGeneration(String key) {
        redisson.getKeys().delete(key);
        redisson.getList(key, StringCodec.INSTANCE).add("fault");
    }
}
