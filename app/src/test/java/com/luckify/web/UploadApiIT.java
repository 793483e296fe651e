package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.ApiClient.Response;
import com.luckify.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadApiIT extends IntegrationTest {

    private static final String UPLOAD = "/upload/v1/upload/add";
    /** A real 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    @Test
    void aBase64ImageIsStoredRecordedAndServedBack() {
        String token = newUserToken();
        long userId = userIdOf(token);

        Response response = api.post(UPLOAD, json("prize", ".png", PNG), token);

        assertThat(response.code()).as(response.toString()).isEqualTo(200);
        String url = response.data().path("url").asString();
        assertThat(url).startsWith("http://localhost/files/u/" + userId + "/").endsWith(".png");
        HttpResponse<byte[]> served = api.get(url.replace("http://localhost", ""));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(PNG);
        Map<String, Object> row = jdbc.queryForMap("SELECT user_id, file_name, size, content_type FROM upload_file WHERE url = ?", url);
        assertThat(row).containsEntry("user_id", userId).containsEntry("file_name", "prize.png")
                .containsEntry("size", (long) PNG.length).containsEntry("content_type", "image/png");
    }

    @Test
    void theSameNameTwiceNeverOverwritesTheOriginalDid() {
        String token = newUserToken();

        String first = api.post(UPLOAD, json("same", ".png", PNG), token).data().path("url").asString();
        String second = api.post(UPLOAD, json("same", ".jpg", JPEG), token).data().path("url").asString();

        assertThat(first).isNotEqualTo(second);
        assertThat(api.get(first.replace("http://localhost", "")).body()).isEqualTo(PNG);
    }

    @Test
    void aMultipartFileAnswersTheSameWay() {
        String token = newUserToken();
        String boundary = "----luckify" + System.nanoTime();

        Response response = api.sendBytes("POST", UPLOAD, multipart(boundary, "photo.jpg", JPEG),
                "multipart/form-data; boundary=" + boundary, token);

        assertThat(response.code()).as(response.toString()).isEqualTo(200);
        assertThat(response.data().path("url").asString()).endsWith(".jpg");
    }

    @Test
    void onlyImagesByContentAreAcceptedWhateverTheirName() {
        String token = newUserToken();
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

        Response renamed = api.post(UPLOAD, json("evil", ".png", script), token);

        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.code()).isEqualTo(300002);
    }

    @Test
    void emptyAndOversizedFilesAreRefused() {
        String token = newUserToken();
        byte[] big = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);

        Response empty = api.post(UPLOAD, json("e", ".png", new byte[0]), token);
        Response tooBig = api.post(UPLOAD, json("big", ".png", big), token);

        assertThat(empty.code()).isEqualTo(300001);
        assertThat(tooBig.code()).isEqualTo(300003);
    }

    @Test
    void aPathInTheFileNameNeverReachesTheStorage() {
        String token = newUserToken();

        Response response = api.post(UPLOAD, json("../../../etc/passwd", ".png", PNG), token);

        String url = response.data().path("url").asString();
        assertThat(url).doesNotContain("..").doesNotContain("passwd");
        assertThat(jdbc.queryForObject("SELECT file_name FROM upload_file WHERE url = ?", String.class, url))
                .isEqualTo("passwd.png");
        assertThat(api.get("/files/../../pom.xml").statusCode()).isIn(400, 404);
    }

    @Test
    void fileDataMustBeBase64() {
        Response response = api.post(UPLOAD, "{\"file_name\":\"x\",\"ext\":\".png\",\"size\":3,\"file_data\":\"@@@\"}",
                newUserToken());

        assertThat(response.code()).isEqualTo(100002);
        assertThat(response.msg()).contains("\"file_data\"");
    }

    @Test
    void uploadingNeedsAToken() {
        assertThat(api.post(UPLOAD, json("x", ".png", PNG)).status()).isEqualTo(401);
    }

    static String json(String name, String ext, byte[] content) {
        return "{\"file_name\":\"" + name + "\",\"ext\":\"" + ext + "\",\"size\":" + content.length
                + ",\"file_data\":\"" + Base64.getEncoder().encodeToString(content) + "\"}";
    }

    static byte[] multipart(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
