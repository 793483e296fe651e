package com.luckify.checkin;

import com.luckify.audit.AuditLog;
import com.luckify.audit.StaffActor;
import com.luckify.common.ActionRefused;
import com.luckify.common.LockRetry;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Task rewards and limits as staff set them. The ids and the events that drive each task are part of the
 * contract and stay; the reward, the events needed per period and whether the task is offered can change. The
 * mini-program sees a change within the task list's cache time (10 s).
 */
@Service
public class TaskSettings {

    private final TaskMapper tasks;
    private final AuditLog audit;
    private final LockRetry lockRetry;

    TaskSettings(TaskMapper tasks, AuditLog audit, LockRetry lockRetry) {
        this.tasks = tasks;
        this.audit = audit;
        this.lockRetry = lockRetry;
    }

    public List<TaskDefinition> all() {
        return tasks.allTasks();
    }

    public void change(StaffActor actor, long taskId, int integral, int needCount, boolean enabled) {
        if (integral < 1 || integral > 100_000 || needCount < 1 || needCount > 1_000) {
            throw ActionRefused.of("task.invalid", "a reward of 1 to 100000 and 1 to 1000 events per period are needed");
        }
        lockRetry.inTransactionWithoutResult(status -> {
            TaskDefinition before = all().stream().filter(task -> task.id() == taskId).findFirst()
                    .orElseThrow(() -> ActionRefused.of("task.not-found", "no task " + taskId));
            tasks.updateDefinition(taskId, integral, needCount, enabled);
            audit.record(actor, "task.change", "task", taskId,
                    Map.of("integral", before.integral(), "needCount", before.needCount(), "enabled", before.enabled()),
                    Map.of("integral", integral, "needCount", needCount, "enabled", enabled));
        });
    }
}
