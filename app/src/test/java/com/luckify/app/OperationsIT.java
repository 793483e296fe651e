package com.luckify.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What operators rely on: health with its dependencies, metrics, and the API's documentation. */
class OperationsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void healthIsUpAndCoversTheDatabaseAndRedis() {
        HttpResponse<byte[]> health = api.get("/actuator/health");

        JsonNode body = JSON.readTree(health.body());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("redis").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesHttpMetrics() {
        api.post("/usercenter/v1/userSponsor/sponsorDetail", "{\"id\":1}");

        HttpResponse<byte[]> metrics = api.get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(new String(metrics.body(), StandardCharsets.UTF_8)).contains("http_server_requests_seconds");
    }

    @Test
    void theOpenApiDocumentListsTheMiniProgramPaths() {
        HttpResponse<byte[]> docs = api.get("/v3/api-docs");

        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(paths.has("/usercenter/v1/user/login")).isTrue();
        assertThat(paths.has("/usercenter/v1/userContact/upDateSponsor")).isTrue();
        assertThat(paths.has("/upload/v1/upload/add")).isTrue();
        assertThat(api.get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @Test
    void pathsOutsideTheApiAndOperationsAreRefused() {
        assertThat(api.get("/actuator/env").statusCode()).isIn(403, 404);
        assertThat(api.get("/login").statusCode()).isIn(403, 404);
    }
}
