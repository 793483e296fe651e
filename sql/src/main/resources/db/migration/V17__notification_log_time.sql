-- The retention job (retentionJob, step notificationLogs) removes notification logs older than an age. It finds
-- the highest id created before that age once per run, here, instead of reading the whole table; the pages it
-- then deletes are ranges of the primary key.
ALTER TABLE notification_log ADD KEY idx_notification_log_time (create_time);
