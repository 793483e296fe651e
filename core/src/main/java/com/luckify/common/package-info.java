/**
 * The shared kernel every feature and adapter may use: the error-code table, the business exception,
 * the business clock and the Redis rate limiter. It depends on no feature.
 */
package com.luckify.common;
