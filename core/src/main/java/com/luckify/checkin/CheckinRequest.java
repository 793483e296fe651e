package com.luckify.checkin;

import com.luckify.common.EventTrace;
import com.luckify.common.RateLimiter.Permit;
import java.time.Instant;

/**
 * A user checking in at a moment (its business day decides which day it is for), with the budgets it is charged
 * to, charged when its batch is written, and the trace of the request, which its CheckedIn event carries (the
 * batch is written on the writer's thread, outside the request's span).
 */
record CheckinRequest(long userId, Instant at, Permit budget, EventTrace trace) {
}
