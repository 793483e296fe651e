package com.luckify.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 adapter against a local stand-in for an S3-compatible store (MinIO speaks the same path style). */
class S3ObjectStorageTest {

    private HttpServer server;
    private final AtomicReference<String> method = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<byte[]> body = new AtomicReference<>();

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            method.set(exchange.getRequestMethod());
            path.set(exchange.getRequestURI().getPath());
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
            // over plain HTTP the SDK streams SigV4-signed chunks, as S3 and MinIO expect
            body.set(sha != null && sha.startsWith("STREAMING-") ? decodeAwsChunked(raw) : raw);
            exchange.getResponseHeaders().add("ETag", "\"stub\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Reads "hex-size;chunk-signature=...\r\n data \r\n" frames until the empty one. */
    private static byte[] decodeAwsChunked(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(raw, at);
            String header = new String(raw, at, lineEnd - at, java.nio.charset.StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0], 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(raw, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("no chunk header");
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void putsTheBytesPathStyleIntoTheBucket() {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        S3Client client = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test-secret")))
                .build();
        S3ObjectStorage storage = new S3ObjectStorage(client, "prizes", endpoint + "/prizes");

        storage.put("u/7/2026-11-24/x.png", new byte[] {9, 8, 7}, "image/png");

        assertThat(method.get()).isEqualTo("PUT");
        assertThat(path.get()).isEqualTo("/prizes/u/7/2026-11-24/x.png");
        assertThat(contentType.get()).isEqualTo("image/png");
        assertThat(body.get()).containsExactly(9, 8, 7);
        assertThat(storage.publicUrl("u/7/2026-11-24/x.png")).isEqualTo(endpoint + "/prizes/u/7/2026-11-24/x.png");
    }

    @Test
    void withoutAnEndpointThePublicUrlIsTheBucketsAwsAddress() {
        UploadProperties.S3 aws = new UploadProperties.S3(null, "ap-east-1", "luckify-prizes", false, null);

        assertThat(ObjectStorageConfiguration.publicBaseUrl(aws)).isEqualTo("https://luckify-prizes.s3.ap-east-1.amazonaws.com");
    }
}
