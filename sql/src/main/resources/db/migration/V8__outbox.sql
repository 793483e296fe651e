-- Domain events written in the same transaction as the change they announce (the outbox), so an event
-- exists exactly when its change committed. A relay (batch/integration issue) forwards unpublished rows to
-- Redis and stamps published_time; consumers are idempotent on the event id.
CREATE TABLE outbox_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    create_time    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    event_type     VARCHAR(64)  NOT NULL COMMENT 'e.g. LotteryCreated, LotteryJoined, PrizeWon, JoinThresholdReached',
    aggregate_type VARCHAR(32)  NOT NULL,
    aggregate_id   BIGINT       NOT NULL,
    payload        LONGTEXT     NOT NULL COMMENT 'JSON',
    published_time DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY idx_outbox_event_unpublished (published_time, id),
    KEY idx_outbox_event_aggregate (aggregate_type, aggregate_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'transactional outbox of domain events';
