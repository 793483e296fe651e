-- Demo data, applied by the demo profile only (a Flyway repeatable migration outside db/migration).
-- Idempotent: fixed ids from 900001 on and "ON DUPLICATE KEY UPDATE id = id", so re-running it (or a
-- changed checksum) changes nothing that is already there. Unlike INSERT IGNORE this still fails
-- loudly on a CHECK or foreign-key violation, so broken demo data cannot slip in half-applied.
-- Times are UTC like every DATETIME column; future times are relative to the moment of the run.
-- Business days are Asia/Shanghai (UTC+8, no daylight saving), hence "UTC_TIMESTAMP() + INTERVAL 8 HOUR".
-- Every account's password is "demo1234" (BCrypt, cost 10).
-- Invariants kept on purpose: prize stock = count - winners; lottery.participant_count = participations;
-- integral balance = sum of its ledger; comment.praise_count = its praise rows.

-- ---------------------------------------------------------------------------------------------- users
INSERT INTO `user` (id, mobile, password, nickname, sex, avatar, info, signature,
                    total_prize, all_lottery, initiation_record, winning_record) VALUES
    (900001, '13800000001', '$2a$10$UI7W0wYAZT8aZMoGmqLoW.P5uIXTXECcB7rpebiLOBaa3pgqvgiRe', '演示用户', 0,
     'https://example.com/luckify/demo/avatar-1.png', '演示账号，密码 demo1234', '天天好运', 1, 2, 2, 1),
    (900002, '13800000002', '$2a$10$UI7W0wYAZT8aZMoGmqLoW.P5uIXTXECcB7rpebiLOBaa3pgqvgiRe', '小红', 1,
     'https://example.com/luckify/demo/avatar-2.png', '', '', 1, 2, 2, 1),
    (900003, '13800000003', '$2a$10$UI7W0wYAZT8aZMoGmqLoW.P5uIXTXECcB7rpebiLOBaa3pgqvgiRe', 'Bob', 0,
     'https://example.com/luckify/demo/avatar-3.png', '', '', 1, 3, 0, 1),
    -- WeChat-only: no mobile, no password
    (900004, NULL, '', '微信用户', 1, 'https://example.com/luckify/demo/avatar-4.png', '', '', 0, 2, 0, 0)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO user_auth (id, user_id, auth_type, auth_key) VALUES
    (900001, 900001, 'system', '13800000001'),
    (900002, 900002, 'system', '13800000002'),
    (900003, 900003, 'system', '13800000003'),
    (900004, 900004, 'wxMini', 'oDemo-OpenId-900004-xxxxxxxxx')
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO user_sponsor (id, user_id, type, applet_type, is_show, name, `desc`, avatar, qr_code, input_a, input_b) VALUES
    (900001, 900001, 1, 0, 1, '演示小店', '好物分享，欢迎加微信', 'https://example.com/luckify/demo/sponsor-1.png',
     'https://example.com/luckify/demo/sponsor-1-qr.png', 'demo_wechat_id', ''),
    (900002, 900002, 3, 2, 1, '小红的小程序', '每周上新', 'https://example.com/luckify/demo/sponsor-2.png',
     '', 'wx0000000000demo', 'pages/index/index')
ON DUPLICATE KEY UPDATE id = id;

-- ------------------------------------------------------------------------------------------ lotteries
-- 900001 by time (future, with a clock task); 900002 by participant count; 900003 instant win;
-- 900004 by time, already drawn.
INSERT INTO lottery (id, user_id, name, thumb, publish_time, join_number, introduce, award_deadline, is_selected,
                     announce_type, announce_time, is_announced, announced_time, sponsor_id, is_clocked,
                     clock_task_id, participant_count) VALUES
    (900001, 900001, '蓝牙耳机', 'https://example.com/luckify/demo/lottery-1.png',
     UTC_TIMESTAMP(3) - INTERVAL 1 DAY, 0, '三天后开奖，阅读文章可提高中奖率。',
     UTC_TIMESTAMP(3) + INTERVAL 10 DAY, 1, 1, UTC_TIMESTAMP(3) + INTERVAL 3 DAY, 0, NULL, 900001, 1, 900001, 3),
    (900002, 900002, '咖啡券', 'https://example.com/luckify/demo/lottery-2.png',
     UTC_TIMESTAMP(3) - INTERVAL 2 HOUR, 10, '满 10 人或七天后开奖。',
     UTC_TIMESTAMP(3) + INTERVAL 14 DAY, 0, 2, UTC_TIMESTAMP(3) + INTERVAL 7 DAY, 0, NULL, 900002, 0, NULL, 1),
    (900003, 900001, '即开红包', 'https://example.com/luckify/demo/lottery-3.png',
     UTC_TIMESTAMP(3) - INTERVAL 3 DAY, 0, '参与即开奖。',
     UTC_TIMESTAMP(3) + INTERVAL 30 DAY, 1, 3, UTC_TIMESTAMP(3) + INTERVAL 30 DAY, 0, NULL, NULL, 0, NULL, 2),
    (900004, 900002, '机械键盘', 'https://example.com/luckify/demo/lottery-4.png',
     UTC_TIMESTAMP(3) - INTERVAL 10 DAY, 0, '已开奖。',
     UTC_TIMESTAMP(3) + INTERVAL 4 DAY, 0, 1, UTC_TIMESTAMP(3) - INTERVAL 3 DAY, 1,
     UTC_TIMESTAMP(3) - INTERVAL 3 DAY + INTERVAL 1 MINUTE, 900002, 0, NULL, 3)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO prize (id, lottery_id, type, name, level, thumb, `count`, stock, grant_type, win_probability_ppm) VALUES
    (900001, 900001, 1, '蓝牙耳机', 1, 'https://example.com/luckify/demo/prize-1.png', 1, 1, 1, NULL),
    (900002, 900001, 2, '九折优惠券', 2, '', 3, 3, 2, NULL),
    (900003, 900002, 2, '咖啡券', 1, '', 2, 2, 3, NULL),
    -- instant: one of five units already won
    (900004, 900003, 6, '88元红包', 1, '', 5, 4, 2, 10000),
    (900005, 900003, 5, '红包封面', 2, '', 20, 20, 4, 100000),
    -- drawn: every unit handed out
    (900006, 900004, 1, '机械键盘', 1, 'https://example.com/luckify/demo/prize-6.png', 1, 0, 1, NULL),
    (900007, 900004, 3, '鼠标垫兑换码', 2, '', 1, 0, 3, NULL)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO clock_task (id, lottery_id, type, seconds, applet_type, article_link, copywriting,
                        chance_type, increase_multiple) VALUES
    (900001, 900001, 2, 15, 0, 'https://mp.weixin.qq.com/s/demo-article', '阅读文章 15 秒，中奖率提高 3 倍', 2, 3)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO clock_task_completion (id, clock_task_id, lottery_id, user_id) VALUES
    (900001, 900001, 900001, 900003)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO lottery_participation (id, lottery_id, user_id, is_won, prize_id, weight) VALUES
    (900001, 900001, 900002, 0, NULL, 1),
    (900002, 900001, 900003, 0, NULL, 3),
    (900003, 900001, 900004, 0, NULL, 1),
    (900004, 900002, 900001, 0, NULL, 1),
    (900005, 900003, 900002, 1, 900004, 1),
    (900006, 900003, 900003, 0, NULL, 1),
    (900007, 900004, 900001, 1, 900006, 1),
    (900008, 900004, 900003, 1, 900007, 1),
    (900009, 900004, 900004, 0, NULL, 1)
ON DUPLICATE KEY UPDATE id = id;

-- seed_hash = lower-case hex SHA-256 of the 32 raw seed bytes (computed outside SQL: SHA2() hashes text).
-- The pending records' seeds are in clear here ('legacy-unsealed', as V23 marks records from before sealing): the
-- application seals them with its key when it starts (DrawSeeds).
-- The DRAWN record's winners were chosen by hand: demo data, not recomputable from the seed; the API never
-- reveals that seed and its verify page says it is not verifiable (DrawProof.verifiable).
INSERT INTO draw_record (id, lottery_id, seed, seed_key_id, seed_hash, state, algorithm, algorithm_version, participant_count,
                         participants_digest, winner_count, drawn_time) VALUES
    (900001, 900001, UNHEX('11c4006b71375ea0c880829b3c3df5fe90fb2abd5f167975375234bfa248271d'), 'legacy-unsealed',
     '874b241e29419fc0d32cf331fa8c4645dcabf92cb9cbda4930149dfc11a8dc6b', 'PENDING', NULL, NULL, NULL, NULL, NULL, NULL),
    (900002, 900002, UNHEX('6f087b00432267fc9ede850c8ab0b807040ca429ae2aa04a66906892a678380f'), 'legacy-unsealed',
     '5ab4c7ce273dda3d2521bbb12ffd11438202b317fcff4b18f594bc6fe0d56d90', 'PENDING', NULL, NULL, NULL, NULL, NULL, NULL),
    (900003, 900003, UNHEX('83c7926553bec45cf61e620eb1c723e9c343032b90a93c1ad05da49b5deb16ca'), 'legacy-unsealed',
     '6a0e695b4a6bc16eded184add08da266f8ebe28275ea6ed41bdd36eb419c2873', 'PENDING', NULL, NULL, NULL, NULL, NULL, NULL),
    (900004, 900004, UNHEX('ec95681543a53b3664c9a896fbd59c7425bc36378612c72f787ed688e844a2da'), NULL,
     'b943277c41bd70830c7f5f68fec7205cf4fe404f34ca6100970a2db588385f88', 'DRAWN', 'DEMO_HAND_PICKED', 1, 3,
     'd405758ff58f5f6d4e18b1c27dfd8e4ec2803a31804cbfda84ac9b43b0f9bf86', 2,
     UTC_TIMESTAMP(3) - INTERVAL 3 DAY + INTERVAL 1 MINUTE)
ON DUPLICATE KEY UPDATE id = id;

-- ------------------------------------------------------------------------------ check-in and points
INSERT INTO checkin_record (id, user_id, checkin_date, streak_day, continuous_days, reward) VALUES
    (900001, 900001, DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL 3 DAY, 1, 1, 5),
    (900002, 900001, DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL 2 DAY, 2, 2, 5),
    (900003, 900001, DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL 1 DAY, 3, 3, 10),
    (900004, 900002, DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL 1 DAY, 1, 1, 5),
    (900005, 900003, DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR), 1, 1, 5)
ON DUPLICATE KEY UPDATE id = id;

-- 900001: 5 + 5 + 10 + 10 = 30; 900002: 5 + 100 - 20 = 85; 900003: 5; 900004 has no balance yet
INSERT INTO integral (id, user_id, integral) VALUES
    (900001, 900001, 30),
    (900002, 900002, 85),
    (900003, 900003, 5)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO integral_record (id, user_id, integral, balance_after, reason, content, biz_key) VALUES
    (900001, 900001, 5, 5, 'CHECKIN', '签到', 'demo:CHECKIN:900001:1'),
    (900002, 900001, 5, 10, 'CHECKIN', '签到', 'demo:CHECKIN:900001:2'),
    (900003, 900001, 10, 20, 'CHECKIN', '签到', 'demo:CHECKIN:900001:3'),
    (900004, 900001, 10, 30, 'TASK_REWARD', '任务奖励', 'demo:TASK:900001:1:once'),
    (900005, 900002, 5, 5, 'CHECKIN', '签到', 'demo:CHECKIN:900002:1'),
    (900006, 900002, 100, 105, 'ADMIN_ADJUST', '活动补偿', 'demo:ADMIN_ADJUST:900002:1'),
    (900007, 900002, -20, 85, 'SPEND', '兑换', 'demo:SPEND:900002:1'),
    (900008, 900003, 5, 5, 'CHECKIN', '签到', 'demo:CHECKIN:900003:1')
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO task_progress (id, user_id, is_participated_lottery, is_initiated_lottery, is_sub_checkin, sub_time) VALUES
    (900001, 900001, 1, 1, 0, NULL),
    (900002, 900002, 1, 1, 1, UTC_TIMESTAMP(3) - INTERVAL 1 DAY),
    (900003, 900003, 1, 0, 0, NULL)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO task_record (id, user_id, task_id, period_key, progress, is_finished, rewarded_time) VALUES
    (900001, 900001, 1, 'once', 1, 2, UTC_TIMESTAMP(3) - INTERVAL 2 DAY),
    (900002, 900001, 2, 'once', 1, 1, NULL),
    (900003, 900002, 1, 'once', 1, 1, NULL),
    (900004, 900002, 2, 'once', 1, 1, NULL),
    (900005, 900002, 3, 'once', 1, 1, NULL),
    (900006, 900003, 1, 'once', 1, 1, NULL)
ON DUPLICATE KEY UPDATE id = id;

-- -------------------------------------------------------------------------------------------- comments
INSERT INTO `comment` (id, user_id, lottery_id, prize_name, content, pics, praise_count, moderation_state,
                       moderation_reason) VALUES
    (900001, 900001, 900004, '机械键盘', '中了一等奖，键盘手感超好！',
     'https://example.com/luckify/demo/show-1a.jpg,https://example.com/luckify/demo/show-1b.jpg', 2, 'VISIBLE', NULL),
    -- must come out escaped wherever it is shown
    (900002, 900003, 900004, '鼠标垫兑换码', '<script>alert(1)</script>', '', 1, 'VISIBLE', NULL),
    (900003, 900002, 900003, '88元红包', '秒中红包，谢谢演示小店！', 'https://example.com/luckify/demo/show-3.jpg', 0,
     'VISIBLE', NULL),
    (900004, 900003, 900004, '鼠标垫兑换码', '加我微信领更多福利', '', 0, 'PENDING', '命中敏感词')
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO praise (id, user_id, comment_id) VALUES
    (900001, 900002, 900001),
    (900002, 900003, 900001),
    (900003, 900001, 900002)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO sensitive_word (id, word, enabled) VALUES
    (900001, '加我微信', 1)
ON DUPLICATE KEY UPDATE id = id;

-- ---------------------------------------------------------------------------------------------- staff
-- demo console login: demo-admin / demo1234
INSERT INTO staff_account (id, username, password_hash, display_name, enabled) VALUES
    (900001, 'demo-admin', '$2a$10$UI7W0wYAZT8aZMoGmqLoW.P5uIXTXECcB7rpebiLOBaa3pgqvgiRe', '演示管理员', 1)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO staff_role (id, staff_id, role) VALUES
    (900001, 900001, 'ADMIN')
ON DUPLICATE KEY UPDATE id = id;
