package com.luckify.admin.job;

import com.luckify.admin.support.Rendering;
import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.batch.support.JobConsole;
import com.luckify.common.ActionRefused;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Spring Batch executions with live progress (a running row polls its own fragment every second and stops
 * polling when it ends), stop, restart, and the jobs staff may launch by hand. Needs the {@code batch} role in
 * this process; without it the page says so.
 */
@Controller
class JobsController {

    private static final List<String> STATUSES = List.of("STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED",
            "ABANDONED");

    private final ObjectProvider<JobConsole> console;
    private final AuditLog audit;

    JobsController(ObjectProvider<JobConsole> console, AuditLog audit) {
        this.console = console;
        this.audit = audit;
    }

    @GetMapping("/admin/jobs")
    String list(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
            HtmxRequest htmx, Model model) {
        JobConsole jobs = console.getIfAvailable();
        String jobName = blankToNull(job);
        String jobStatus = blankToNull(status);
        model.addAttribute("available", jobs != null);
        model.addAttribute("job", jobName);
        model.addAttribute("status", jobStatus);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("launchable", JobConsole.Launchable.values());
        model.addAttribute("jobNames", jobs == null ? List.of() : jobs.jobNames());
        model.addAttribute("executions", jobs == null ? List.of()
                : jobs.recent(jobName, jobStatus, 50));
        return Rendering.of(htmx, "admin/jobs/list", "results");
    }

    /** One execution's row, for the polling progress bar. */
    @GetMapping("/admin/jobs/{id}")
    String row(@PathVariable long id, Model model) {
        model.addAttribute("e", require().execution(id)
                .orElseThrow(() -> ActionRefused.of("job.not-found", "no job execution " + id)));
        return "admin/jobs/list :: row";
    }

    @PostMapping("/admin/jobs/{id}/stop")
    String stop(@PathVariable long id, StaffActor actor, Model model) {
        if (!require().stop(id)) {
            throw ActionRefused.of("job.not-running", "execution " + id + " is not running");
        }
        audit.recordAccess(actor, "job.stop", "job_execution", id, Map.of());
        return row(id, model);
    }

    @PostMapping("/admin/jobs/{id}/restart")
    String restart(@PathVariable long id, StaffActor actor, HtmxRequest htmx, Model model) {
        if (!require().restart(id)) {
            throw ActionRefused.of("job.not-restartable", "execution " + id + " is neither failed nor stopped");
        }
        audit.recordAccess(actor, "job.restart", "job_execution", id, Map.of());
        model.addAttribute("launched", true);
        return list(null, null, htmx, model);
    }

    @PostMapping("/admin/jobs/launch")
    String launch(@RequestParam JobConsole.Launchable job, StaffActor actor, HtmxRequest htmx, Model model) {
        require().launch(job);
        audit.recordAccess(actor, "job.launch", "job", job.name(), Map.of());
        // the execution registers within moments on the console's thread; the list fetches itself once more then
        model.addAttribute("launched", true);
        return list(null, null, htmx, model);
    }

    private JobConsole require() {
        JobConsole jobs = console.getIfAvailable();
        if (jobs == null) {
            throw ActionRefused.of("job.no-batch-role", "this process does not run the batch role");
        }
        return jobs;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
