package com.luckify.lottery;

/**
 * What this process did about instant lotteries' missing Redis state since it started: rebuilds {@code requested}
 * by attempts that found the state missing (coalesced: one per lottery and retry interval), states {@code rebuilt}
 * from MySQL, states {@code foundThere} once the lock was held (another process had rebuilt it), tries that found
 * the lottery {@code lockedElsewhere} (another process was rebuilding it), and tries that {@code failed}.
 */
public record HotStateRebuilds(long requested, long rebuilt, long foundThere, long lockedElsewhere, long failed) {
}
