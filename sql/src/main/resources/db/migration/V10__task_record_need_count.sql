-- Each task record keeps the count its task needed when the period began, so that one multi-row upsert can
-- advance records of different tasks (the outbox relay does a whole batch of events at once), and so that an
-- admin editing a task's count mid-period does not change the goal of a period already under way.
ALTER TABLE task_record
    ADD COLUMN need_count INT NOT NULL DEFAULT 1 COMMENT 'events needed in this period, from tasks.need_count' AFTER progress,
    ADD CONSTRAINT ck_task_record_need_count CHECK (need_count >= 1);

UPDATE task_record r JOIN tasks t ON t.id = r.task_id SET r.need_count = t.need_count;
