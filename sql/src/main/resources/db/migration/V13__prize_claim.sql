-- A winner claims the prize by saying where to send it, before the lottery's award deadline (the original
-- stored award_deadline but nothing used it). One claim per win, and only for a win: the claim points at the
-- participation together with its prize, which exists only when that participation won that prize.
ALTER TABLE lottery_participation
    ADD UNIQUE KEY uk_lottery_participation_win (id, prize_id);

CREATE TABLE prize_claim (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    create_time      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    participation_id BIGINT       NOT NULL,
    prize_id         BIGINT       NOT NULL,
    contact_name     VARCHAR(32)  NOT NULL,
    mobile           VARCHAR(20)  NOT NULL,
    address          VARCHAR(255) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_prize_claim_participation (participation_id),
    KEY idx_prize_claim_prize (prize_id),
    CONSTRAINT fk_prize_claim_win FOREIGN KEY (participation_id, prize_id) REFERENCES lottery_participation (id, prize_id),
    CONSTRAINT ck_prize_claim_contact CHECK (CHAR_LENGTH(contact_name) > 0 AND CHAR_LENGTH(mobile) > 0
        AND CHAR_LENGTH(address) > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'winners'' claims of their prizes';

-- the claim-deadline reminders look for lotteries whose deadline is near
ALTER TABLE lottery
    ADD KEY idx_lottery_award_deadline (award_deadline);
