package com.luckify.admin.operations;

import com.luckify.admin.support.Rendering;
import com.luckify.batch.support.JobConsole;
import com.luckify.batch.support.JobProgress;
import com.luckify.reconciliation.ReconciliationFindings;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Reconciliation runs with what each found and repaired, and one run's findings. */
@Controller
class ReconciliationController {

    private static final Pattern RUN_ID = Pattern.compile("runId=([^,]+)");

    private final ObjectProvider<JobConsole> console;
    private final ReconciliationFindings findings;

    ReconciliationController(ObjectProvider<JobConsole> console, ReconciliationFindings findings) {
        this.console = console;
        this.findings = findings;
    }

    @GetMapping("/admin/reconciliation")
    String runs(@RequestParam(required = false) String run, HtmxRequest htmx, Model model) {
        JobConsole jobs = console.getIfAvailable();
        List<Run> runs = jobs == null ? List.of() : jobs.recent("reconciliationJob", null, 30).stream()
                .map(ReconciliationController::run).filter(r -> r.runId() != null).toList();
        model.addAttribute("available", jobs != null);
        model.addAttribute("runs", runs);
        model.addAttribute("summaries", findings.summaries(runs.stream().map(Run::runId).toList()));
        model.addAttribute("run", run);
        model.addAttribute("findings", run == null ? List.of() : findings.ofRun(run));
        return Rendering.of(htmx, "admin/operations/reconciliation", "findings");
    }

    private static Run run(JobProgress execution) {
        Matcher matcher = RUN_ID.matcher(execution.parameters() == null ? "" : execution.parameters());
        return new Run(matcher.find() ? matcher.group(1).strip() : null, execution);
    }

    /** A run: its id (the job parameter its findings carry) and its execution. */
    record Run(String runId, JobProgress execution) {
    }
}
