package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SponsorApiIT extends IntegrationTest {

    private static final String ADD = "/usercenter/v1/userSponsor/addSponsor";
    private static final String LIST = "/usercenter/v1/userSponsor/sponsorList";
    private static final String DETAIL = "/usercenter/v1/userSponsor/sponsorDetail";
    private static final String UPDATE = "/usercenter/v1/userContact/upDateSponsor";
    private static final String DELETE = "/usercenter/v1/userContact/sponsorDel";

    @Test
    void addedSponsorIsReturnedByDetailWithItsRealFields() {
        String token = newUserToken();
        long owner = userIdOf(token);

        long id = add(token, "好运商店", 3, 3);
        JsonNode detail = api.post(DETAIL, "{\"id\":" + id + "}").data();

        assertThat(detail.path("id").asLong()).isEqualTo(id);
        assertThat(detail.path("userId").asLong()).isEqualTo(owner);
        assertThat(detail.path("name").asString()).isEqualTo("好运商店");
        assertThat(detail.path("type").asInt()).isEqualTo(3);
        assertThat(detail.path("appletType").asInt()).isEqualTo(3);
        assertThat(detail.path("isShow").asInt()).isEqualTo(1);
        assertThat(detail.path("desc").asString()).isEqualTo("desc");
        assertThat(detail.path("qr_code").asString()).isEqualTo("https://img.example.com/qr.png");
    }

    @Test
    void theBodysUserIdIsIgnoredTheOwnerIsTheCaller() {
        String token = newUserToken();
        long owner = userIdOf(token);

        Response added = api.post(ADD, body(999_999_999L, "别人的", 1, 0), token);

        long id = added.data().path("id").asLong();
        assertThat(api.post(DETAIL, "{\"id\":" + id + "}").data().path("userId").asLong()).isEqualTo(owner);
    }

    @Test
    void listShowsOnlyTheCallersSponsorsNewestFirstPageByPage() {
        String token = newUserToken();
        long first = add(token, "一号", 1, 0);
        long second = add(token, "二号", 1, 0);
        long third = add(token, "三号", 1, 0);
        add(newUserToken(), "别人家", 1, 0);

        JsonNode page1 = api.post(LIST, "{\"page\":1,\"pageSize\":2}", token).data().path("list");
        JsonNode page2 = api.post(LIST, "{\"page\":2,\"pageSize\":2}", token).data().path("list");
        JsonNode empty = api.post(LIST, "{\"page\":1,\"pageSize\":0}", token).data().path("list");

        assertThat(page1).extracting(n -> n.path("id").asLong()).containsExactly(third, second);
        assertThat(page2).extracting(n -> n.path("id").asLong()).containsExactly(first);
        assertThat(empty.isArray()).isTrue();
        assertThat(empty).isEmpty();
    }

    @Test
    void listRejectsPageZeroAndHugePages() {
        String token = newUserToken();

        assertThat(api.post(LIST, "{\"page\":0,\"pageSize\":10}", token).msg()).contains("\"page\"");
        assertThat(api.post(LIST, "{\"page\":1,\"pageSize\":1000}", token).msg()).contains("\"pageSize\"");
    }

    @Test
    void theOwnerUpdatesAbsentAndZeroKeysKeepTheirValues() {
        String token = newUserToken();
        long id = add(token, "旧名字", 1, 0);

        Response update = api.post(UPDATE, "{\"id\":" + id + ",\"userId\":0,\"type\":0,\"appletType\":0,\"isShow\":2,"
                + "\"name\":\"新名字\",\"desc\":\"\",\"avatar\":\"\",\"qr_code\":\"\",\"inputA\":\"a\",\"inputB\":\"b\"}", token);

        assertThat(update.code()).isEqualTo(200);
        // hidden now (isShow 2): only its owner reads it
        JsonNode detail = api.post(DETAIL, "{\"id\":" + id + "}", token).data();
        assertThat(detail.path("name").asString()).isEqualTo("新名字");
        assertThat(detail.path("type").asInt()).isEqualTo(1);
        assertThat(detail.path("isShow").asInt()).isEqualTo(2);
        assertThat(detail.path("desc").asString()).isEmpty();
        assertThat(detail.path("inputA").asString()).isEqualTo("a");
    }

    @Test
    void nobodyElseMayUpdateOrDeleteASponsor() {
        long id = add(newUserToken(), "我的", 1, 0);
        String stranger = newUserToken();

        Response update = api.post(UPDATE, "{\"id\":" + id + ",\"name\":\"抢走\"}", stranger);
        Response delete = api.post(DELETE, "{\"id\":" + id + "}", stranger);

        assertThat(update.status()).isEqualTo(400);
        assertThat(update.code()).isEqualTo(200013);
        assertThat(delete.code()).isEqualTo(200013);
        assertThat(api.post(DETAIL, "{\"id\":" + id + "}").data().path("name").asString()).isEqualTo("我的");
    }

    @Test
    void deletedSponsorsAreGoneForEveryone() {
        String token = newUserToken();
        long id = add(token, "要删的", 1, 0);

        Response deleted = api.post(DELETE, "{\"id\":" + id + "}", token);

        assertThat(deleted.code()).isEqualTo(200);
        assertThat(api.post(DETAIL, "{\"id\":" + id + "}").code()).isEqualTo(200012);
        assertThat(api.post(DELETE, "{\"id\":" + id + "}", token).code()).isEqualTo(200012);
        assertThat(api.post(LIST, "{\"page\":1,\"pageSize\":10}", token).data().path("list")).isEmpty();
    }

    @Test
    void aSponsorOfALiveLotteryCannotBeDeletedButOfAnAnnouncedOneCan() {
        String token = newUserToken();
        long owner = userIdOf(token);
        long live = add(token, "进行中", 1, 0);
        long finished = add(token, "已开奖", 1, 0);
        insertLottery(owner, live, 0);
        insertLottery(owner, finished, 1);

        Response refused = api.post(DELETE, "{\"id\":" + live + "}", token);
        Response allowed = api.post(DELETE, "{\"id\":" + finished + "}", token);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(200014);
        assertThat(api.post(DETAIL, "{\"id\":" + live + "}").code()).isEqualTo(200);
        assertThat(allowed.code()).isEqualTo(200);
    }

    @Test
    void unknownSponsorsAreNotFound() {
        assertThat(api.post(DETAIL, "{\"id\":987654321}").code()).isEqualTo(200012);
        assertThat(api.post(UPDATE, "{\"id\":987654321,\"name\":\"x\"}", newUserToken()).code()).isEqualTo(200012);
    }

    @Test
    void enumsAndLengthsAreValidatedNamingTheField() {
        String token = newUserToken();

        Response badType = api.post(ADD, body(0, "名字", 9, 0), token);
        Response badApplet = api.post(ADD, body(0, "名字", 3, 7), token);
        Response longName = api.post(ADD, body(0, "一二三四五六七八九十十一十二十三", 1, 0), token);
        Response zeroId = api.post(DELETE, "{\"id\":0}", token);

        assertThat(badType.code()).isEqualTo(100002);
        assertThat(badType.msg()).contains("\"type\"");
        assertThat(badApplet.msg()).contains("\"appletType\"");
        assertThat(longName.msg()).contains("\"name\"").contains("max 12");
        assertThat(zeroId.msg()).contains("\"id\"");
    }

    private long add(String token, String name, int type, int appletType) {
        Response response = api.post(ADD, body(0, name, type, appletType), token);
        assertThat(response.code()).as(response.toString()).isEqualTo(200);
        return response.data().path("id").asLong();
    }

    private static String body(long userId, String name, int type, int appletType) {
        return "{\"userId\":" + userId + ",\"type\":" + type + ",\"appletType\":" + appletType + ",\"isShow\":1,"
                + "\"name\":\"" + name + "\",\"desc\":\"desc\",\"avatar\":\"https://img.example.com/a.png\","
                + "\"qr_code\":\"https://img.example.com/qr.png\",\"inputA\":\"\",\"inputB\":\"\"}";
    }

    private void insertLottery(long owner, long sponsorId, int announced) {
        jdbc.update("""
                INSERT INTO lottery (user_id, name, thumb, publish_time, join_number, introduce, award_deadline,
                    announce_type, announce_time, is_announced, announced_time, sponsor_id)
                VALUES (?, '测试抽奖', '', UTC_TIMESTAMP(3), 0, '', UTC_TIMESTAMP(3) + INTERVAL 2 DAY, 1,
                    UTC_TIMESTAMP(3) + INTERVAL 1 DAY, ?, IF(? = 1, UTC_TIMESTAMP(3), NULL), ?)""",
                owner, announced, announced, sponsorId);
    }
}
