package com.luckify.checkin;

import com.luckify.common.GroupCommit;
import org.springframework.stereotype.Component;

/**
 * Group commit for check-ins: a check-in is a transaction of about ten statements with a commit that waits for
 * the disk, and at the evening peak the callers queued for pooled connections. Written together, a batch costs
 * those statements and that commit once. At most 100 check-ins a batch; a repeat among them is answered from the
 * batch ({@link CheckinRecorder#recordBatch}), so it does not send the others one by one.
 */
@Component
class CheckinWriter extends GroupCommit<CheckinRequest, CheckinResult> {

    CheckinWriter(CheckinRecorder recorder, CheckinProperties properties) {
        super("checkin-writer", 100, properties.groupCommit(), recorder::recordBatch, recorder::recordOne);
    }
}
