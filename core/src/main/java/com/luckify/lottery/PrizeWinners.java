package com.luckify.lottery;

import com.luckify.user.PublicUser;
import java.util.List;

/** The winners of one prize, masked. */
public record PrizeWinners(Prize prize, int winnerCount, List<PublicUser> users) {
}
