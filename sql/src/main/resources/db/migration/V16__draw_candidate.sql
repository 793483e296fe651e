-- The candidates of a draw under way (drawJob, step selectWinners): each participant who may still win, with the
-- key the draw gave them. Written a page at a time in the chunk's transaction, so it always agrees with the
-- reader position Batch commits with it; recordDraw ranks it here (best key first) instead of in the JVM, so a
-- draw's memory does not grow with its participants or prize units. Emptied once the draw is recorded.
CREATE TABLE draw_candidate (
    lottery_id BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    weight     INT    NOT NULL,
    -- the key ln(u)/weight as a BIGINT that orders exactly as Java's Double.compare orders the double
    -- (DrawAlgorithm.sortable): integer comparison, so no rounding on the way and no collation questions
    draw_key   BIGINT NOT NULL,
    -- no index on the key: a draw ranks its candidates once, with one sort (ROW_NUMBER() OVER (ORDER BY
    -- draw_key DESC, user_id)), and a second index would make every insert and delete of a million candidates
    -- a random write (measured: twice the time)
    PRIMARY KEY (lottery_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'candidates of draws under way';
