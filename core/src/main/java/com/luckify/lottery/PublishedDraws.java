package com.luckify.lottery;

import com.luckify.draw.Award;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What anyone may read to check a draw without an account: the detail's public parts (through
 * {@link LotteryService#detail}, so the seed is revealed by exactly the same rules) and the recorded winners with
 * their user ids, which the participant list ({@code drawParticipants}) publishes anyway.
 */
@Service
public class PublishedDraws {

    /**
     * The largest draw the page checks in a browser: its winners are embedded in the page and the script keeps as
     * many keys in memory, and it reads the participants a page of 1000 at a time within one address's public-read
     * budget (600 a minute). A larger draw (staff lotteries may give millions of units) is checked with
     * {@code DrawVerifier}; loading its winners for an anonymous request would let anyone make the server hold them.
     */
    public static final int MAX_WINNERS_ON_PAGE = 10_000;
    public static final int MAX_PARTICIPANTS_ON_PAGE = 200_000;

    private final LotteryService lotteries;
    private final ParticipationMapper participations;

    PublishedDraws(LotteryService lotteries, ParticipationMapper participations) {
        this.lotteries = lotteries;
        this.participations = participations;
    }

    /** The lottery's draw as published; an unknown or unpublished lottery is {@code LOTTERY_NOT_FOUND}. */
    public PublishedDraw of(long lotteryId) {
        LotteryDetail detail = lotteries.detail(lotteryId, null);
        Lottery lottery = detail.lottery();
        DrawProof proof = detail.draw();
        boolean drawn = proof != null && proof.drawn();
        List<Award> winners = drawn ? winners(lotteryId, detail.prizes()) : List.of();
        boolean tooLarge = drawn && (winners.size() > MAX_WINNERS_ON_PAGE
                || proof.participantCount() != null && proof.participantCount() > MAX_PARTICIPANTS_ON_PAGE);
        return new PublishedDraw(lottery.id(), lottery.name(), lottery.isInstant(), lottery.cancelledAt() != null,
                detail.prizes(), proof, tooLarge ? List.of() : winners, tooLarge);
    }

    private List<Award> winners(long lotteryId, List<Prize> prizes) {
        Map<Long, Prize> byId = prizes.stream().collect(Collectors.toMap(Prize::id, Function.identity()));
        Comparator<Award> unitOrder = Comparator.<Award>comparingInt(a -> byId.containsKey(a.prizeId())
                ? byId.get(a.prizeId()).level() : Integer.MAX_VALUE)
                .thenComparingLong(Award::prizeId).thenComparingLong(Award::userId);
        // one more than the page takes, to know it is too many without reading them all
        return participations.winnersUpTo(lotteryId, MAX_WINNERS_ON_PAGE + 1).stream()
                .map(row -> new Award(row.userId(), row.prizeId()))
                .sorted(unitOrder)
                .toList();
    }
}
