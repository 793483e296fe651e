package com.luckify.admin.report;

import com.luckify.admin.support.Rendering;
import com.luckify.archive.ArchivedReport;
import com.luckify.archive.ReportArchive;
import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.batch.support.JobConsole;
import com.luckify.common.ActionRefused;
import com.luckify.report.ReportFormat;
import com.luckify.report.ReportRequest;
import com.luckify.report.ReportService;
import com.luckify.report.ReportType;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finance's reports: made at once (preview in the browser, or download), or by {@code reportJob} into the archive
 * for large ones and for later. Every preview and download is written to the audit log.
 */
@Controller
class ReportsController {

    private final ReportService reports;
    private final ReportArchive archive;
    private final ObjectProvider<JobConsole> console;
    private final AuditLog audit;

    ReportsController(ReportService reports, ReportArchive archive, ObjectProvider<JobConsole> console, AuditLog audit) {
        this.reports = reports;
        this.archive = archive;
        this.console = console;
        this.audit = audit;
    }

    @GetMapping("/admin/reports")
    String page(@RequestParam(defaultValue = "1") int page, HtmxRequest htmx, Model model) {
        model.addAttribute("types", ReportType.values());
        model.addAttribute("formats", ReportFormat.values());
        model.addAttribute("archived", archive.list(null, page, 20));
        model.addAttribute("canArchive", console.getIfAvailable() != null);
        return Rendering.of(htmx, "admin/reports/index", "archive");
    }

    /** The report now: shown by the browser ({@code inline}) or saved as a file. */
    @GetMapping("/admin/reports/file")
    void file(@RequestParam ReportType type, @RequestParam(defaultValue = "PDF") ReportFormat format,
            @RequestParam(required = false) Long lotteryId, @RequestParam(required = false) String runId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean inline, StaffActor actor, HttpServletResponse response)
            throws IOException {
        ReportRequest request = new ReportRequest(type, format, lotteryId, blankToNull(runId), from, to).validated();
        byte[] content = reports.renderToBytes(request);
        audit.recordAccess(actor, inline ? "report.preview" : "report.download", "report", type.name(),
                describe(request));
        send(response, request.fileName(), request.format().contentType(), inline, content.length);
        response.getOutputStream().write(content);
    }

    @PostMapping("/admin/reports/archive")
    String archive(@RequestParam ReportType type, @RequestParam(defaultValue = "PDF") ReportFormat format,
            @RequestParam(required = false) Long lotteryId, @RequestParam(required = false) String runId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            StaffActor actor, HtmxRequest htmx, Model model) {
        JobConsole jobs = console.getIfAvailable();
        if (jobs == null) {
            throw ActionRefused.of("job.no-batch-role", "this process does not run the batch role");
        }
        ReportRequest request = new ReportRequest(type, format, lotteryId, blankToNull(runId), from, to).validated();
        long archiveId = jobs.archiveReport(request, actor.staffId());
        audit.recordAccess(actor, "report.archive", "report_archive", archiveId, describe(request));
        model.addAttribute("queued", archiveId);
        return page(1, htmx, model);
    }

    /** An archived report's file, exactly as stored. */
    @GetMapping("/admin/reports/archive/{id}")
    void archived(@PathVariable long id, StaffActor actor, HttpServletResponse response) throws IOException {
        ArchivedReport report = archive.find(id).filter(ArchivedReport::ready)
                .orElseThrow(() -> ActionRefused.of("report.not-ready", "archived report " + id + " is not ready"));
        audit.recordAccess(actor, "report.download", "report_archive", id, Map.of("sha256", report.sha256()));
        String fileName = report.objectKey().substring(report.objectKey().lastIndexOf('/') + 1);
        send(response, fileName, ReportFormat.valueOf(report.format()).contentType(), false, report.size());
        try (InputStream in = archive.open(report); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static void send(HttpServletResponse response, String fileName, String contentType, boolean inline,
            long length) {
        response.setContentType(contentType);
        response.setContentLengthLong(length);
        response.setHeader("Content-Disposition", (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName).build().toString());
    }

    private static Map<String, Object> describe(ReportRequest request) {
        Map<String, Object> details = new HashMap<>();
        details.put("format", request.format().name());
        details.put("lotteryId", request.lotteryId());
        details.put("runId", request.runId());
        details.put("from", request.from() == null ? null : request.from().toString());
        details.put("to", request.to() == null ? null : request.to().toString());
        return details;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
