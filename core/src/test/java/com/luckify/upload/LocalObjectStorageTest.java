package com.luckify.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStorageTest {

    @TempDir
    Path root;

    @Test
    void storesUnderTheRootAndAnswersAPublicUrl() throws Exception {
        LocalObjectStorage storage = new LocalObjectStorage(root, "https://cdn.example.com/");

        storage.put("u/1/2026-11-24/a.png", new byte[] {1, 2, 3}, "image/png");

        assertThat(Files.readAllBytes(root.resolve("u/1/2026-11-24/a.png"))).containsExactly(1, 2, 3);
        assertThat(storage.publicUrl("u/1/2026-11-24/a.png")).isEqualTo("https://cdn.example.com/files/u/1/2026-11-24/a.png");
        try (var files = Files.list(root.resolve("u/1/2026-11-24"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aKeyThatEscapesTheRootIsRefused() {
        LocalObjectStorage storage = new LocalObjectStorage(root, "http://localhost");

        assertThatThrownBy(() -> storage.put("../outside.png", new byte[] {1}, "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(root.getParent().resolve("outside.png")).doesNotExist();
    }

    @Test
    void privateObjectsLiveOutsideTheServedDirectory() throws Exception {
        Path served = root.resolve("uploads");
        LocalObjectStorage storage = new LocalObjectStorage(served, "http://localhost");

        storage.putPrivate("reports/7/prize.pdf", new byte[] {4, 5}, "application/pdf");

        assertThat(served.resolve("reports/7/prize.pdf")).doesNotExist();
        assertThat(root.resolve("uploads-private/reports/7/prize.pdf")).exists();
        try (var in = storage.openPrivate("reports/7/prize.pdf")) {
            assertThat(in.readAllBytes()).containsExactly(4, 5);
        }
        assertThatThrownBy(() -> storage.putPrivate("../uploads/x.pdf", new byte[] {1}, "application/pdf"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
