-- The wish value of each day of the 7-day check-in cycle, edited in the admin console. Until now it was only
-- configuration (luckify.checkin.rewards); that setting now seeds this table when it is empty (first start).
CREATE TABLE checkin_reward (
    cycle_day   TINYINT     NOT NULL COMMENT '1..7',
    create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    reward      INT         NOT NULL,
    PRIMARY KEY (cycle_day),
    CONSTRAINT ck_checkin_reward_day CHECK (cycle_day BETWEEN 1 AND 7),
    CONSTRAINT ck_checkin_reward_reward CHECK (reward >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'check-in reward per cycle day';
