package com.luckify.upload;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Stores a user's image under a key of our making and records it in {@code upload_file}. */
@Service
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    private final ObjectStorage storage;
    private final UploadMapper uploads;
    private final UploadProperties properties;

    UploadService(ObjectStorage storage, UploadMapper uploads, UploadProperties properties) {
        this.storage = storage;
        this.uploads = uploads;
        this.properties = properties;
    }

    /**
     * @param clientFileName the name the client gave, kept for display only
     */
    public StoredUpload store(long userId, String clientFileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw BusinessException.of(ErrorCode.UPLOAD_EMPTY);
        }
        if (content.length > properties.maxSize().toBytes()) {
            throw BusinessException.of(ErrorCode.UPLOAD_TOO_LARGE);
        }
        ImageType type = ImageType.detect(content).orElseThrow(() -> BusinessException.of(ErrorCode.UPLOAD_NOT_IMAGE));
        String key = "u/%d/%s/%s.%s".formatted(userId, LocalDate.now(ZoneOffset.UTC), UUID.randomUUID(), type.extension());
        try {
            storage.put(key, content, type.contentType());
        } catch (RuntimeException e) {
            log.error("upload of user {} failed to store {}", userId, key, e);
            throw BusinessException.of(ErrorCode.UPLOAD_FAILED);
        }
        String url = storage.publicUrl(key);
        NewUploadRow row = new NewUploadRow(userId, displayName(clientFileName), "." + type.extension(),
                content.length, type.contentType(), key, url);
        uploads.insert(row);
        return new StoredUpload(row.id, key, url, type.contentType(), content.length);
    }

    /** Whether every one of these URLs is a file this user uploaded. */
    public boolean ownsAll(long userId, Collection<String> urls) {
        Set<String> distinct = new HashSet<>(urls);
        return distinct.isEmpty() || uploads.countOwnedUrls(userId, distinct) == distinct.size();
    }

    private static String displayName(String clientFileName) {
        if (clientFileName == null) {
            return "";
        }
        // keep only the last path segment and printable characters: it is shown, never used as a path
        String name = clientFileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return name.codePointCount(0, name.length()) <= 100 ? name : name.substring(0, name.offsetByCodePoints(0, 100));
    }
}
