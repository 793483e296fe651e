-- What the admin console's dashboard and lists read by time: per-day figures over the last 30 days and the
-- live lotteries closing soon. Without these each dashboard load would scan whole tables.
ALTER TABLE lottery_participation ADD KEY idx_lottery_participation_time (create_time);
ALTER TABLE `comment` ADD KEY idx_comment_time (create_time);
ALTER TABLE draw_record ADD KEY idx_draw_record_drawn (state, drawn_time);
ALTER TABLE lottery ADD KEY idx_lottery_announce_time (announce_time);
ALTER TABLE `user` ADD KEY idx_user_nickname (nickname);
