-- A sponsor hidden by staff stays hidden whatever its owner does: the owner's own show/hide (is_show) and the staff's
-- hide were one column, so an owner could make public again what staff had hidden. The mini-program sees the sponsor
-- shown only when neither hides it. Sponsors whose last console action was a hide are hidden by staff.
ALTER TABLE user_sponsor
    ADD COLUMN hidden_by_staff TINYINT NOT NULL DEFAULT 0 COMMENT '1 = hidden by staff (console), whatever is_show says',
    ADD CONSTRAINT ck_user_sponsor_hidden_by_staff CHECK (hidden_by_staff IN (0, 1));

UPDATE user_sponsor s
SET s.hidden_by_staff = 1
WHERE s.is_show = 2
  AND (SELECT a.action FROM audit_log a
       WHERE a.target_type = 'sponsor' AND CAST(a.target_id AS UNSIGNED) = s.id
         AND a.action IN ('sponsor.hide', 'sponsor.show')
       ORDER BY a.id DESC LIMIT 1) = 'sponsor.hide';
