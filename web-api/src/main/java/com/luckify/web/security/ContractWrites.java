package com.luckify.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of the contract ({@code contract/luckify-api.yaml}) marked {@code x-luckify-write: true}: those that
 * change something on behalf of the caller. Read from the contract itself so that the list the write side enforces is
 * the one clients are told about; {@code BlacklistedWritesIT} walks the same marks and makes every authenticated
 * operation of the contract either a write or a read on purpose.
 */
final class ContractWrites {

    static final String CONTRACT = "/contract/luckify-api.yaml";
    static final String WRITE_MARK = "x-luckify-write";

    private final Set<String> writes;

    private ContractWrites(Set<String> writes) {
        this.writes = Set.copyOf(writes);
    }

    static ContractWrites load() {
        try (InputStream in = ContractWrites.class.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT + " is not on the class path");
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(16 * 1024 * 1024);
            Map<String, Object> contract = new Yaml(options).load(in);
            return new ContractWrites(marked(contract));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the operation at this path pattern (as mapped, e.g. {@code /checkin/v1/checkin}) and method writes. */
    boolean isWrite(String method, String path) {
        return writes.contains(key(method, path));
    }

    Set<String> all() {
        return writes;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> marked(Map<String, Object> contract) {
        Set<String> marked = new HashSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) contract.get("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && Boolean.TRUE.equals(op.get(WRITE_MARK))) {
                marked.add(key(method, path));
            }
        }));
        if (marked.isEmpty()) {
            // a contract without marks would silently open every write
            throw new IllegalStateException(CONTRACT + " marks no operation " + WRITE_MARK);
        }
        return marked;
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
