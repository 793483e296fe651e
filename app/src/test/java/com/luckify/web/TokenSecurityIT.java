package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Every way a token can be wrong gives HTTP 401 with code 100003, and nothing else. */
class TokenSecurityIT extends IntegrationTest {

    private static final String DETAIL = "/usercenter/v1/user/detail";

    @Value("${luckify.jwt.secret}")
    String secret;

    @Test
    void aMissingTokenIsRefused() {
        assertUnauthorized(api.send("POST", DETAIL, "{}", "application/json", null));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        long userId = userIdOf(newUserToken());
        String forged = sign("another-secret-of-at-least-32-bytes-length!!", userId, Instant.now().plusSeconds(600));

        assertUnauthorized(api.post(DETAIL, "{}", forged));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        long userId = userIdOf(newUserToken());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"userId\":" + userId + ",\"iat\":" + Instant.now().getEpochSecond()
                + ",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));

        assertUnauthorized(api.post(DETAIL, "{}", header + "." + payload + "."));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        long userId = userIdOf(newUserToken());
        String expired = sign(secret, userId, Instant.now().minusSeconds(3600));

        assertUnauthorized(api.post(DETAIL, "{}", expired));
    }

    @Test
    void aTokenWithoutUserIdIsRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));

        assertUnauthorized(api.post(DETAIL, "{}", jwt.serialize()));
    }

    @Test
    void garbageIsRefused() {
        assertUnauthorized(api.post(DETAIL, "{}", "not-a-token"));
    }

    @Test
    void aValidTokenOfTheSameShapeIsAccepted() throws Exception {
        long userId = userIdOf(newUserToken());
        String token = sign(secret, userId, Instant.now().plusSeconds(600));

        Response response = api.post(DETAIL, "{}", token);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.data().path("userInfo").path("id").asLong()).isEqualTo(userId);
    }

    @Test
    void publicEndpointsIgnoreAStaleToken() {
        Response response = api.post("/usercenter/v1/user/login",
                "{\"mobile\":\"" + freshMobile() + "\",\"password\":\"whatever1\"}", "stale.token.here");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo(200009);
    }

    @Test
    void aTokenOfADeletedUserIsDead() throws Exception {
        String token = sign(secret, 987_654_321_000L, Instant.now().plusSeconds(600));

        Response response = api.post("/usercenter/v1/user/refreshToken", "{}", token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo(100003);
    }

    private static String sign(String key, long userId, Instant expiry) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issueTime(Date.from(expiry.minusSeconds(7200)))
                .expirationTime(Date.from(expiry))
                .claim("userId", userId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo(100003);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }
}
