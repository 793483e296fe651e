package com.luckify.user;

import java.time.Instant;

/** A mobile WeChat verified as the user's, and when Luckify recorded it. */
public record VerifiedMobile(String mobile, Instant verifiedAt) {
}
