package com.luckify.archive;

import com.luckify.common.Paged;
import com.luckify.upload.ObjectStorage;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Generated reports kept for later download. An entry is RUNNING while its report is made, then READY with its
 * file (stored privately, with size and SHA-256, so finance can prove it was not altered) or FAILED with why.
 */
@Service
public class ReportArchive {

    private final ArchiveMapper archive;
    private final ObjectStorage storage;

    ReportArchive(ArchiveMapper archive, ObjectStorage storage) {
        this.archive = archive;
        this.storage = storage;
    }

    public long start(NewArchiveEntry entry) {
        ArchiveMapper.IdHolder row = new ArchiveMapper.IdHolder();
        archive.insert(entry, row);
        return row.id;
    }

    /** Whether a schedule already made (or is making) this report for this period: monthly runs happen once. */
    public boolean scheduledExists(NewArchiveEntry entry) {
        return archive.countScheduled(entry) > 0;
    }

    /** Stores the file under an unguessable key and marks the entry READY. */
    public void complete(long id, String fileName, byte[] content, String contentType) {
        String key = "reports/" + id + "/" + UUID.randomUUID() + "/" + fileName;
        storage.putPrivate(key, content, contentType);
        archive.ready(id, key, content.length, sha256(content));
    }

    public void fail(long id, String error) {
        archive.failed(id, error == null ? "failed" : error.substring(0, Math.min(error.length(), 500)));
    }

    public Optional<ArchivedReport> find(long id) {
        return Optional.ofNullable(archive.find(id));
    }

    public Paged<ArchivedReport> list(String reportType, int page, int size) {
        return Paged.fetch(page, size, (offset, limit) -> archive.list(reportType, offset, limit),
                () -> archive.count(reportType));
    }

    /** The file of a READY entry; the caller closes the stream. */
    public InputStream open(ArchivedReport report) {
        if (!report.ready()) {
            throw new IllegalStateException("report " + report.id() + " is " + report.state());
        }
        return storage.openPrivate(report.objectKey());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
