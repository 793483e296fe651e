-- One row per (event, subscription): the ledger of the event flows over Redis. The outbox relay writes the
-- rows of an event in the transaction that marks it relayed, then pushes the event ids to each subscription's
-- Redis queue; the consumer that handles an event stamps done_time (in the handler's own transaction where the
-- handler is transactional). Redis only carries the work: a message lost there (Redis restarted, a consumer
-- killed) leaves its row undone, and the relay sends it again after luckify.events.redeliver-after.
-- A delivery whose handler failed max-attempts times stays undone with its last error: the dead letters.
CREATE TABLE event_delivery (
    subscription VARCHAR(64)  NOT NULL COMMENT 'e.g. task-progress, draw-on-threshold, draw-result-notice',
    event_id     BIGINT       NOT NULL,
    relay_time   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) COMMENT 'last time pushed to Redis',
    attempts     INT          NOT NULL DEFAULT 0 COMMENT 'failed handling attempts',
    last_error   VARCHAR(255) NULL,
    done_time    DATETIME(3)  NULL,
    done_by      VARCHAR(64)  NULL COMMENT 'the process that handled it',
    PRIMARY KEY (subscription, event_id),
    KEY idx_event_delivery_undone (done_time, relay_time),
    KEY idx_event_delivery_event (event_id),
    CONSTRAINT fk_event_delivery_event FOREIGN KEY (event_id) REFERENCES outbox_event (id),
    CONSTRAINT ck_event_delivery_attempts CHECK (attempts >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'outbox events per subscription: relayed, handled, or set aside';

-- Handling failures are counted per delivery now; relaying an event to its subscriptions cannot fail by itself.
ALTER TABLE outbox_event
    DROP COLUMN attempts,
    DROP COLUMN last_error;
