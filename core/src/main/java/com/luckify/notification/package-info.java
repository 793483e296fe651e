/**
 * Notifications (WeChat subscribe messages): each notice at most once, paced, retried, dead letters kept.
 * Public API: {@link com.luckify.notification.NotificationService} and its records.
 */
package com.luckify.notification;
