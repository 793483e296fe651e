-- Proven clock tasks: startClockTask issues a ticket, completeClockTask redeems it. The ticket says who started
-- which lottery's task and when it may be redeemed (the start plus the task's seconds, rounded up to a whole second;
-- at once for a task of 0 seconds);
-- redeemed_at makes it single-use: the redemption is one guarded UPDATE (redeemed_at IS NULL), so of two
-- simultaneous redemptions exactly one changes the row.
CREATE TABLE clock_task_ticket (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    create_time   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ticket        CHAR(32)    NOT NULL COMMENT '128 random bits, lower-case hex: what the client sends back',
    clock_task_id BIGINT      NOT NULL,
    lottery_id    BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    -- both from the application's clock (UTC), in whole seconds, as is the time a redemption is judged by
    issued_at     DATETIME(3) NOT NULL,
    redeemable_at DATETIME(3) NOT NULL,
    redeemed_at   DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_clock_task_ticket (ticket),
    KEY idx_clock_task_ticket_lottery_user (lottery_id, user_id),
    KEY idx_clock_task_ticket_user (user_id),
    KEY idx_clock_task_ticket_task (clock_task_id, lottery_id),
    CONSTRAINT fk_clock_task_ticket_task FOREIGN KEY (clock_task_id, lottery_id) REFERENCES clock_task (id, lottery_id),
    CONSTRAINT fk_clock_task_ticket_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT ck_clock_task_ticket_window CHECK (redeemable_at >= issued_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'single-use clock task tickets (startClockTask, completeClockTask)';
