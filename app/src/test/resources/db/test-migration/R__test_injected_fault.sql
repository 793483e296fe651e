-- Test databases only (the test profile adds this location): lets a test fail a Batch step's chunk commit on
-- purpose (see com.luckify.support.InjectedFault). The trigger is made here, before the application starts,
-- because creating it while jobs run would fail their transactions ("table definition has changed"). It does
-- nothing until a test arms it with a row naming the step, the commit number and a job parameter of the one
-- execution to fail.
CREATE TABLE IF NOT EXISTS test_injected_fault (
    step_name     VARCHAR(100) NOT NULL,
    job_parameter VARCHAR(250) NOT NULL COMMENT 'name=value of an identifying parameter of the execution to fail',
    at_commit     INT          NOT NULL,
    PRIMARY KEY (step_name, job_parameter)
) ENGINE = InnoDB;

DROP TRIGGER IF EXISTS test_injected_fault;

DELIMITER //
CREATE TRIGGER test_injected_fault BEFORE UPDATE ON BATCH_STEP_EXECUTION FOR EACH ROW
BEGIN
    IF NEW.STATUS = 'STARTED' AND EXISTS (SELECT 1 FROM test_injected_fault f
            JOIN BATCH_JOB_EXECUTION_PARAMS p ON CONCAT(p.PARAMETER_NAME, '=', p.PARAMETER_VALUE) = f.job_parameter
            WHERE f.step_name = NEW.STEP_NAME AND p.JOB_EXECUTION_ID = NEW.JOB_EXECUTION_ID
              AND NEW.COMMIT_COUNT >= f.at_commit) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected fault';
    END IF;
END//
DELIMITER ;
