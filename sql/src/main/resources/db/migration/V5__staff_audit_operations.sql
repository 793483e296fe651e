-- Staff accounts, blacklist, audit log, notifications, reconciliation, reports and scheduler locks
-- (all new: the original had no admin side).
-- Times are DATETIME(3) in UTC (the JDBC session is forced to UTC); the wire carries Unix seconds.
-- MySQL 8 and MariaDB 10.11 compatible: utf8mb4_unicode_ci, InnoDB, no MySQL-only syntax.
-- Free-form documents are LONGTEXT, not JSON: MariaDB's JSON is an alias with different semantics.

CREATE TABLE staff_account (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    create_time     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    -- unicode_ci on purpose: "Alice" and "alice" must not be two accounts
    username        VARCHAR(64)  NOT NULL,
    -- BCrypt; NULL = OIDC-only account that cannot use the login form
    password_hash   VARCHAR(100) NULL,
    display_name    VARCHAR(64)  NOT NULL DEFAULT '',
    enabled         TINYINT      NOT NULL DEFAULT 1,
    -- brute-force lockout: reset on success, locked_until set after too many failures
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(3)  NULL,
    last_login_time DATETIME(3)  NULL,
    -- the OIDC "sub" claim is case sensitive
    oidc_subject    VARCHAR(255) NULL COLLATE utf8mb4_bin,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_account_username (username),
    UNIQUE KEY uk_staff_account_oidc_subject (oidc_subject),
    CONSTRAINT ck_staff_account_enabled CHECK (enabled IN (0, 1)),
    CONSTRAINT ck_staff_account_failed_attempts CHECK (failed_attempts >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'admin console accounts';

CREATE TABLE staff_role (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    staff_id    BIGINT      NOT NULL,
    role        VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_role_staff_role (staff_id, role),
    CONSTRAINT fk_staff_role_staff FOREIGN KEY (staff_id) REFERENCES staff_account (id),
    CONSTRAINT ck_staff_role_role CHECK (role IN ('ADMIN', 'CAMPAIGN_MANAGER', 'MODERATOR', 'FINANCE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'roles granted to staff';

-- V4 could not reference staff_account yet
ALTER TABLE `comment`
    ADD CONSTRAINT fk_comment_deleted_by_staff FOREIGN KEY (deleted_by_staff_id) REFERENCES staff_account (id);

CREATE TABLE user_blacklist (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    create_time         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id             BIGINT       NOT NULL,
    reason              VARCHAR(255) NOT NULL,
    expires_at          DATETIME(3)  NULL COMMENT 'NULL = permanent',
    -- NULL = put there by the system (e.g. a fraud rule), not by a person
    created_by_staff_id BIGINT       NULL,
    -- rows are never deleted, a lift is recorded, so the history of a user stays visible
    lifted_at           DATETIME(3)  NULL,
    lifted_by_staff_id  BIGINT       NULL,
    PRIMARY KEY (id),
    KEY idx_user_blacklist_user (user_id, lifted_at),
    CONSTRAINT fk_user_blacklist_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT fk_user_blacklist_created_by FOREIGN KEY (created_by_staff_id) REFERENCES staff_account (id),
    CONSTRAINT fk_user_blacklist_lifted_by FOREIGN KEY (lifted_by_staff_id) REFERENCES staff_account (id),
    CONSTRAINT ck_user_blacklist_lifted CHECK (lifted_at IS NOT NULL OR lifted_by_staff_id IS NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'platform-wide user bans';

CREATE TABLE audit_log (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    actor_type  VARCHAR(16) NOT NULL,
    actor_id    BIGINT      NULL COMMENT 'staff_account.id or user.id by actor_type; NULL for SYSTEM',
    -- copied, not joined: the log must survive renamed or disabled accounts
    actor_name  VARCHAR(64) NOT NULL DEFAULT '',
    action      VARCHAR(64) NOT NULL,
    target_type VARCHAR(32) NOT NULL DEFAULT '',
    target_id   VARCHAR(64) NOT NULL DEFAULT '',
    before_json LONGTEXT    NULL,
    after_json  LONGTEXT    NULL,
    ip          VARCHAR(45) NOT NULL DEFAULT '' COMMENT 'IPv4 or IPv6 text',
    PRIMARY KEY (id),
    KEY idx_audit_log_time (create_time),
    KEY idx_audit_log_actor (actor_id, id),
    KEY idx_audit_log_target (target_type, target_id),
    CONSTRAINT ck_audit_log_actor_type CHECK (actor_type IN ('STAFF', 'USER', 'SYSTEM'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'append-only log of staff and system actions';

CREATE TABLE notification_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    user_id     BIGINT       NOT NULL,
    kind        VARCHAR(32)  NOT NULL COMMENT 'CHECKIN_REMINDER, DRAW_RESULT, CLAIM_DEADLINE, ...',
    reference   VARCHAR(64)  NOT NULL DEFAULT '' COMMENT 'what it is about, e.g. the lottery id',
    notify_day  DATE         NOT NULL COMMENT 'business day the notice belongs to',
    channel     VARCHAR(16)  NOT NULL DEFAULT 'WECHAT',
    template_id VARCHAR(64)  NOT NULL DEFAULT '',
    payload     LONGTEXT     NULL,
    state       VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    attempts    INT          NOT NULL DEFAULT 0,
    last_error  VARCHAR(500) NULL,
    sent_time   DATETIME(3)  NULL,
    PRIMARY KEY (id),
    -- the row is claimed before sending: a re-run or restarted job never messages anyone twice
    UNIQUE KEY uk_notification_log_once (user_id, kind, reference, notify_day),
    KEY idx_notification_log_state (state, id),
    CONSTRAINT fk_notification_log_user FOREIGN KEY (user_id) REFERENCES `user` (id),
    CONSTRAINT ck_notification_log_state CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    CONSTRAINT ck_notification_log_attempts CHECK (attempts >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'every notification sent or attempted';

CREATE TABLE notification_dead_letter (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    create_time         DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time         DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    notification_log_id BIGINT        NOT NULL,
    error               VARCHAR(1000) NOT NULL DEFAULT '',
    payload             LONGTEXT      NULL,
    retried_time        DATETIME(3)   NULL,
    resolved            TINYINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY idx_notification_dead_letter_log (notification_log_id),
    KEY idx_notification_dead_letter_open (resolved, id),
    CONSTRAINT fk_notification_dead_letter_log FOREIGN KEY (notification_log_id) REFERENCES notification_log (id),
    CONSTRAINT ck_notification_dead_letter_resolved CHECK (resolved IN (0, 1))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'notifications that exhausted their retries';

CREATE TABLE reconciliation_finding (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    create_time      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    run_id           VARCHAR(64)  NOT NULL,
    job_execution_id BIGINT       NULL,
    -- INSTANT_STOCK, INSTANT_ENTRANTS, PRAISE_COUNT, POINTS_BALANCE, DRAW_STOCK; no CHECK so a new
    -- check in the job needs no migration
    kind             VARCHAR(32)  NOT NULL,
    subject_type     VARCHAR(32)  NOT NULL,
    subject_id       VARCHAR(64)  NOT NULL,
    -- MySQL is the truth: expected comes from MySQL, actual from Redis (or the derived counter)
    expected         VARCHAR(255) NOT NULL DEFAULT '',
    actual           VARCHAR(255) NOT NULL DEFAULT '',
    repaired         TINYINT      NOT NULL DEFAULT 0,
    repair_note      VARCHAR(255) NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    KEY idx_reconciliation_finding_run (run_id, id),
    KEY idx_reconciliation_finding_job (job_execution_id),
    KEY idx_reconciliation_finding_kind (kind),
    CONSTRAINT ck_reconciliation_finding_repaired CHECK (repaired IN (0, 1))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'differences the reconciliation job found';

CREATE TABLE report_archive (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    create_time           DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    update_time           DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    report_type           VARCHAR(32)  NOT NULL COMMENT 'DRAW_AUDIT, PRIZE_FINANCE, RECONCILIATION, POINTS_LIABILITY, ...',
    format                VARCHAR(8)   NOT NULL,
    params_json           LONGTEXT     NULL,
    period_start          DATE         NULL,
    period_end            DATE         NULL,
    state                 VARCHAR(16)  NOT NULL DEFAULT 'RUNNING',
    object_key            VARCHAR(255) NULL COLLATE utf8mb4_bin,
    size                  BIGINT       NULL,
    -- lets finance prove an archived report was not altered
    sha256                CHAR(64)     NULL,
    -- NULL = produced by a schedule
    requested_by_staff_id BIGINT       NULL,
    job_execution_id      BIGINT       NULL,
    error                 VARCHAR(500) NULL,
    PRIMARY KEY (id),
    KEY idx_report_archive_type (report_type, id),
    KEY idx_report_archive_staff (requested_by_staff_id),
    CONSTRAINT fk_report_archive_staff FOREIGN KEY (requested_by_staff_id) REFERENCES staff_account (id),
    CONSTRAINT ck_report_archive_format CHECK (format IN ('PDF', 'XLSX', 'CSV')),
    CONSTRAINT ck_report_archive_state CHECK (state IN ('RUNNING', 'READY', 'FAILED')),
    CONSTRAINT ck_report_archive_ready CHECK (state <> 'READY'
        OR (object_key IS NOT NULL AND size IS NOT NULL AND sha256 IS NOT NULL)),
    CONSTRAINT ck_report_archive_period CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'generated reports and where their files are';

-- ShedLock's JDBC table, for leader-only schedules on the database (the column names are ShedLock's).
-- Explicit DEFAULTs keep MySQL/MariaDB with explicit_defaults_for_timestamp=OFF from adding
-- ON UPDATE CURRENT_TIMESTAMP to lock_until.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'ShedLock scheduler locks';
