package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Throws malformed bodies at every endpoint. Nothing may answer 5xx or leak internals; endpoints that read
 * a body answer 400 with 100002 and, where a field is at fault, name it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends IntegrationTest {

    /** method, path, whether it reads a body with required keys. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/usercenter/v1/user/register", true),
            new Endpoint("POST", "/usercenter/v1/user/login", true),
            new Endpoint("POST", "/usercenter/v1/user/wxMiniAuth", true),
            new Endpoint("POST", "/usercenter/v1/user/bindMobile", true),
            new Endpoint("POST", "/usercenter/v1/user/detail", false),
            new Endpoint("POST", "/usercenter/v1/user/refreshToken", false),
            new Endpoint("PUT", "/usercenter/v1/user/update", false),
            new Endpoint("POST", "/usercenter/v1/userSponsor/addSponsor", true),
            new Endpoint("POST", "/usercenter/v1/userSponsor/sponsorList", true),
            new Endpoint("POST", "/usercenter/v1/userSponsor/sponsorDetail", true),
            new Endpoint("POST", "/usercenter/v1/userContact/upDateSponsor", true),
            new Endpoint("POST", "/usercenter/v1/userContact/sponsorDel", true),
            new Endpoint("POST", "/upload/v1/upload/add", true),
            new Endpoint("POST", "/lottery/v1/lottery/createLottery", true),
            new Endpoint("POST", "/lottery/v1/lottery/lotteryList", true),
            new Endpoint("POST", "/lottery/v1/lottery/lotteryListAfterLogin", true),
            new Endpoint("POST", "/lottery/v1/lottery/lotteryListSlow", true),
            new Endpoint("POST", "/lottery/v1/lottery/lotteryDetail", true),
            new Endpoint("POST", "/lottery/v1/lottery/getUserCreatedLotteryList", true),
            new Endpoint("POST", "/lottery/v1/lottery/participation", true),
            new Endpoint("POST", "/lottery/v1/lottery/instantParticipation", true),
            new Endpoint("POST", "/lottery/v1/lottery/startClockTask", true),
            new Endpoint("POST", "/lottery/v1/lottery/completeClockTask", true),
            new Endpoint("POST", "/lottery/v1/lottery/participations", true),
            new Endpoint("POST", "/lottery/v1/lottery/getLotteryWinnersList", true),
            new Endpoint("POST", "/lottery/v1/lottery/getUserAllLotteryList", true),
            new Endpoint("POST", "/lottery/v1/lottery/getLotteryWinList", true),
            new Endpoint("POST", "/lottery/v1/lottery/drawParticipants", true),
            new Endpoint("POST", "/lottery/v1/lottery/claimPrize", true),
            new Endpoint("POST", "/checkin/v1/checkin", false),
            new Endpoint("POST", "/checkin/v1/checkin/getCheckin", false),
            new Endpoint("POST", "/checkin/v1/checkin/getTasks", false),
            new Endpoint("POST", "/checkin/v1/checkin/claimReward", true),
            new Endpoint("POST", "/checkin/v1/checkin/updateSub", true),
            new Endpoint("POST", "/comment/v1/comment/addComment", true),
            new Endpoint("POST", "/comment/v1/comment/updateComment", true),
            new Endpoint("POST", "/comment/v1/comment/deleteComment", true),
            new Endpoint("POST", "/comment/v1/comment/commentPraise", true),
            new Endpoint("POST", "/comment/v1/comment/getCommentList", true),
            new Endpoint("POST", "/comment/v1/comment/getCommentDetail", true),
            new Endpoint("POST", "/comment/v1/comment/getLastId", false));

    private static final List<String> MALFORMED = List.of(
            "", "{", "}", "null", "[]", "[1,2]", "\"text\"", "42", "true", "{\"a\":}", "{'single':'quotes'}",
            "{\"mobile\":[\"13800000000\"],\"password\":{\"x\":1}}",
            "{\"id\":\"1\",\"page\":\"1\",\"pageSize\":\"x\",\"type\":\"1\",\"code\":{}}",
            "{\"id\":1.5,\"page\":1e400,\"pageSize\":-1,\"type\":99999999999999999999,\"name\":[]}",
            "{\"id\":null,\"mobile\":null,\"password\":null,\"code\":null,\"file_data\":null}",
            "{\"sex\":\"9\",\"latitude\":\"north\",\"longitude\":1e999}",
            "{\"name\":\"" + "长".repeat(5000) + "\",\"mobile\":\"" + "1".repeat(5000) + "\"}",
            "{\"file_data\":12,\"ext\":{},\"file_name\":[\"../\"]}",
            "{\"lotteryId\":-1,\"content\":{},\"pics\":7,\"taskId\":\"3\",\"state\":true,\"sort\":\"0\"}",
            "{\"lotteryId\":\"1\",\"lastId\":[],\"pageSize\":{},\"isSelected\":\"x\",\"size\":1.5,\"pageIndex\":null}",
            "{\"name\":\"x\",\"thumb\":\"\",\"announceType\":9,\"announceTime\":-1,\"joinNumber\":-5,\"introduce\":\"\","
                    + "\"awardDeadline\":\"soon\",\"sponsorId\":0,\"prizes\":[{\"type\":0},null,7],\"isClocked\":2,"
                    + "\"clockTask\":[],\"publishType\":0}",
            "{\"a\":1} trailing",
            "\u0000\u0001\u0002",
            "<xml/>");

    private String token;

    @BeforeAll
    void user() {
        api = new com.luckify.support.ApiClient(port);
        token = newUserToken();
    }

    static Stream<Arguments> everyEndpointWithEveryBody() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String body : MALFORMED) {
                cases.add(Arguments.of(endpoint, body));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("everyEndpointWithEveryBody")
    void malformedBodiesNeverCauseA5xx(Endpoint endpoint, String body) {
        Response response = api.send(endpoint.method(), endpoint.path(), body, "application/json", "Bearer " + token);

        assertThat(response.status()).as(response.toString()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("SQL")
                .doesNotContain("tools.jackson").doesNotContain("java.");
        if (endpoint.readsBody()) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.code()).as(response.toString()).isIn(100002, 300001, 300002);
        }
    }

    @Test
    void aNonJsonContentTypeCountsAsAnEmptyObjectAsGoZeroDid() {
        Response response = api.send("POST", "/usercenter/v1/user/login", "mobile=1&password=2", "text/plain", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.msg()).isEqualTo("参数错误,field \"mobile\" is not set");
    }

    @Test
    void anEmptyBodyNamesTheFirstMissingField() {
        Response response = api.send("POST", "/usercenter/v1/userSponsor/sponsorDetail", null, null, null);

        assertThat(response.msg()).isEqualTo("参数错误,field \"id\" is not set");
    }

    @Test
    void aWrongJsonTypeNamesTheField() {
        Response response = api.post("/usercenter/v1/userSponsor/sponsorDetail", "{\"id\":\"7\"}");

        assertThat(response.msg()).isEqualTo("参数错误,field \"id\" has the wrong type");
    }

    @Test
    void malformedJsonSaysSo() {
        Response response = api.post("/usercenter/v1/user/login", "{\"mobile\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.msg()).isEqualTo("参数错误,request body is not valid JSON");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"mobile\":\"" + "1".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";

        Response response = api.post("/usercenter/v1/user/login", huge);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(100002);
        assertThat(response.msg()).contains("larger than");
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerInTheEnvelope() {
        Response unknown = api.post("/usercenter/v1/user/nope", "{}", token);
        Response wrongMethod = api.send("GET", "/usercenter/v1/user/update", null, null, "Bearer " + token);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(100007);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo(100011);
    }

    record Endpoint(String method, String path, boolean readsBody) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
