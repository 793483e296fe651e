package com.luckify.checkin;

import com.luckify.common.GroupCommit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Group commit for check-ins: a check-in is a transaction of about ten statements with a commit that waits for
 * the disk, and at the evening peak the callers queued for pooled connections. Written together, a batch costs
 * those statements and that commit once.
 */
@Component
class CheckinWriter extends GroupCommit<CheckinRequest, CheckinResult> {

    /** 100 check-ins per statement at most. */
    static final int MAX_BATCH = 100;

    private final CheckinRecorder recorder;

    CheckinWriter(CheckinRecorder recorder) {
        super("checkin-writer", MAX_BATCH);
        this.recorder = recorder;
    }

    @Override
    protected List<Outcome<CheckinResult>> writeBatch(List<CheckinRequest> batch) {
        return recorder.recordBatch(batch);
    }

    @Override
    protected CheckinResult writeOne(CheckinRequest request) {
        return recorder.recordOne(request);
    }
}
