/**
 * The verifiable draw (开奖) as pure functions of the revealed seed and the participant list:
 * {@link com.luckify.draw.DrawAlgorithm} (keys, and their {@code sortable} form for ranking in a database),
 * {@link com.luckify.draw.WinnerSelection} (the K best in memory O(K)), {@link com.luckify.draw.ParticipantDigest},
 * {@link com.luckify.draw.Awards} (prizes as {@link com.luckify.draw.PrizeRun runs} of units, handed to places),
 * and {@link com.luckify.draw.DrawVerifier}, the command-line check anyone can run.
 */
package com.luckify.draw;
