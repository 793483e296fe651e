/**
 * Daily check-in (签到), tasks (任务) and the reminder subscription.
 * Public API: {@link com.luckify.checkin.CheckinService}, {@link com.luckify.checkin.TaskService} and their
 * records. Wish value is paid through {@link com.luckify.points.PointsLedger}; lottery events arrive through
 * the outbox relay.
 */
package com.luckify.checkin;
