-- A draw keeps its selection (one entry per prize unit) and the block of the participant digest under way in
-- its step's execution context: with thousands of prize units that exceeds the 64 KB of Batch's TEXT column.
ALTER TABLE BATCH_STEP_EXECUTION_CONTEXT MODIFY SERIALIZED_CONTEXT MEDIUMTEXT;
ALTER TABLE BATCH_JOB_EXECUTION_CONTEXT MODIFY SERIALIZED_CONTEXT MEDIUMTEXT;
