package com.luckify.checkin;

import java.time.Instant;

/** A user checking in at a moment (its business day decides which day it is for). */
record CheckinRequest(long userId, Instant at) {
}
