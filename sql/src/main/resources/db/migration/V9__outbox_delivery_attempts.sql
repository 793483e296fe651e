-- The relay counts failed deliveries of an event, so that one event a consumer cannot handle is set aside
-- (visible with its last error) instead of being retried forever in front of the others.
ALTER TABLE outbox_event
    ADD COLUMN attempts   INT          NOT NULL DEFAULT 0 COMMENT 'failed delivery attempts',
    ADD COLUMN last_error VARCHAR(255) NULL COMMENT 'why the last delivery failed';
