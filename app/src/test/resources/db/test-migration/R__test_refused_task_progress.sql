-- Test databases only (the test profile adds this location): lets a test make the task-progress consumer fail for
-- one user, as it would if the database refused its write, until the test lifts it (see
-- com.luckify.support.RefusedTaskProgress). The consumer writes task_record and task_progress in the transaction
-- that marks its events done, so the refusal rolls the whole delivery back and it counts as a failed attempt. Made
-- here, before the application starts, for the reason given in R__test_injected_fault.sql. The message has markup
-- on purpose: the console must show it as text.
CREATE TABLE IF NOT EXISTS test_refused_task_progress (
    user_id BIGINT NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB;

DROP TRIGGER IF EXISTS test_refused_task_progress;

DELIMITER //
CREATE TRIGGER test_refused_task_progress BEFORE INSERT ON task_progress FOR EACH ROW
BEGIN
    IF EXISTS (SELECT 1 FROM test_refused_task_progress r WHERE r.user_id = NEW.user_id) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected fault: <b>task progress refused</b>';
    END IF;
END//
DELIMITER ;
