package com.luckify.lottery;

import com.luckify.user.PublicUser;
import com.luckify.user.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Who won what in a lottery, prize by prize in level order, with masked names. */
@Component
class WinnerBoard {

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
        List<ParticipationMapper.WinnerRow> rows = participations.winners(lotteryId);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, PublicUser> byId = users.publicUsers(rows.stream().map(ParticipationMapper.WinnerRow::userId).toList());
        Map<Long, List<PublicUser>> byPrize = rows.stream().collect(Collectors.groupingBy(
                ParticipationMapper.WinnerRow::prizeId, LinkedHashMap::new, Collectors.mapping(
                        row -> byId.getOrDefault(row.userId(), new PublicUser(row.userId(), "**", "")),
                        Collectors.toList())));
        return lotteries.findPrizes(lotteryId).stream()
                .map(prize -> {
                    List<PublicUser> winners = byPrize.getOrDefault(prize.id(), List.of());
                    return new PrizeWinners(prize, winners.size(), winners);
                })
                .toList();
    }
}
