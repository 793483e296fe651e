package com.luckify.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files in a directory, served back over HTTP by the API under {@code /files/}. */
class LocalObjectStorage implements ObjectStorage {

    private final Path root;
    private final Path privateRoot;
    private final String publicBaseUrl;

    LocalObjectStorage(Path root, String publicBaseUrl) {
        this.root = root.toAbsolutePath().normalize();
        // beside the served directory, never inside it
        this.privateRoot = this.root.resolveSibling(this.root.getFileName() + "-private");
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        write(resolve(root, key), key, content);
    }

    @Override
    public void putPrivate(String key, byte[] content, String contentType) {
        write(resolve(privateRoot, key), key, content);
    }

    @Override
    public InputStream openPrivate(String key) {
        try {
            return Files.newInputStream(resolve(privateRoot, key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key, e);
        }
    }

    private static void write(Path target, String key, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            // write beside the target, then move: a reader never sees half a file
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".part");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + key, e);
        }
    }

    @Override
    public String publicUrl(String key) {
        return publicBaseUrl + "/files/" + key;
    }

    private static Path resolve(Path root, String key) {
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("object key escapes the storage directory: " + key);
        }
        return target;
    }
}
