package com.luckify.lottery;

import com.luckify.user.PublicUser;
import com.luckify.user.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who won what in a lottery, prize by prize in level order, with masked names. Public and unauthenticated, so bounded
 * whatever the lottery's size (staff lotteries may have millions of winners): each prize shows its winner count in
 * full, from its stock taken (every unit taken is a win, by the draw or an instant attempt), and its first
 * {@value #NAMES_PER_PRIZE} winners by name, read by the prize's index.
 */
@Component
class WinnerBoard {

    static final int NAMES_PER_PRIZE = 200;

    private final LotteryMapper lotteries;
    private final ParticipationMapper participations;
    private final UserService users;

    WinnerBoard(LotteryMapper lotteries, ParticipationMapper participations, UserService users) {
        this.lotteries = lotteries;
        this.participations = participations;
        this.users = users;
    }

    /** Every prize with its winners; empty while nobody has won, as the original answered. */
    List<PrizeWinners> of(long lotteryId) {
        List<Prize> prizes = lotteries.findPrizes(lotteryId);
        if (prizes.stream().allMatch(prize -> prize.count() - prize.stock() == 0)) {
            return List.of();
        }
        Map<Long, List<Long>> namedByPrize = new LinkedHashMap<>();
        for (Prize prize : prizes) {
            namedByPrize.put(prize.id(), prize.count() == prize.stock() ? List.of()
                    : participations.winnersOfPrize(lotteryId, prize.id(), NAMES_PER_PRIZE));
        }
        Map<Long, PublicUser> byId = users.publicUsers(namedByPrize.values().stream().flatMap(List::stream).toList());
        return prizes.stream()
                .map(prize -> new PrizeWinners(prize, prize.count() - prize.stock(), namedByPrize.get(prize.id()).stream()
                        .map(userId -> byId.getOrDefault(userId, new PublicUser(userId, "**", ""))).toList()))
                .toList();
    }
}
