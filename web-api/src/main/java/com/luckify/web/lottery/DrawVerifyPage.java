package com.luckify.web.lottery;

import com.luckify.draw.Award;
import com.luckify.lottery.DrawProof;
import com.luckify.lottery.Prize;
import com.luckify.lottery.PublishedDraw;
import com.luckify.lottery.PublishedDraws;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the public verify page renders: either a drawn, verifiable draw with everything the script needs (the
 * proof, the prizes, the recorded winners), or why there is nothing to check.
 *
 * @param state {@code checkable}, {@code not-drawn}, {@code not-verifiable}, {@code too-large}, {@code instant} or
 *     {@code cancelled}
 */
// public, with public members: the template's expressions call them reflectively
public record DrawVerifyPage(long lotteryId, String lotteryName, String state, String reason, DrawProof proof,
        List<PrizeRow> prizes, List<WinnerRow> winners) {

    /** The demo data's draw, whose winners were chosen by hand (see {@code R__demo_data.sql}). */
    static final String DEMO_ALGORITHM = "DEMO_HAND_PICKED";

    static DrawVerifyPage of(PublishedDraw draw) {
        List<PrizeRow> prizes = draw.prizes().stream()
                .map(p -> new PrizeRow(p.id(), p.level(), p.count(), p.name())).toList();
        Map<Long, Prize> byId = draw.prizes().stream().collect(Collectors.toMap(Prize::id, Function.identity()));
        List<WinnerRow> winners = draw.winners().stream().map(a -> WinnerRow.of(a, byId.get(a.prizeId()))).toList();
        DrawProof proof = draw.proof();
        String state;
        String reason;
        if (draw.instant()) {
            state = "instant";
            reason = "This is an instant-win lottery: each attempt is decided when it is made, there is no draw to "
                    + "verify. 即开型抽奖没有开奖过程。";
        } else if (proof != null && proof.drawn() && !proof.verifiable()) {
            state = "not-verifiable";
            reason = DEMO_ALGORITHM.equals(proof.algorithm())
                    ? "This draw is not verifiable: demo data, winners chosen by hand. 此开奖不可验证：演示数据，中奖者为手工指定。"
                    : "This draw is not verifiable: it was recorded with the algorithm " + proof.algorithm() + " version "
                            + proof.algorithmVersion() + ", which this page does not know. 此开奖不可验证。";
        } else if (proof != null && proof.drawn() && draw.tooLargeForPage()) {
            state = "too-large";
            reason = "This draw is too large to check in a browser (more than " + PublishedDraws.MAX_WINNERS_ON_PAGE
                    + " winners or " + PublishedDraws.MAX_PARTICIPANTS_ON_PAGE + " participants). Its seed is "
                    + proof.revealedSeed() + " (SHA-256 " + proof.seedHash() + "); check it with DrawVerifier "
                    + "(batch-jobs README, \"Verifying a draw yourself\"). 此开奖规模过大，请用 DrawVerifier 验证。";
        } else if (proof != null && proof.drawn()) {
            state = "checkable";
            reason = "";
        } else if (draw.cancelled()) {
            state = "cancelled";
            reason = "This lottery was cancelled: there is no draw to verify. 抽奖已取消。";
        } else {
            state = "not-drawn";
            reason = "This lottery has not been drawn yet. Its seed hash is published now; the seed, the participant "
                    + "list and the winners follow once it is drawn. 尚未开奖。";
        }
        return new DrawVerifyPage(draw.lotteryId(), draw.lotteryName(), state, reason, proof, prizes, winners);
    }

    public boolean checkable() {
        return "checkable".equals(state);
    }

    public record PrizeRow(long id, int level, int count, String name) {
    }

    public record WinnerRow(long userId, long prizeId, String prizeName) {

        static WinnerRow of(Award award, Prize prize) {
            return new WinnerRow(award.userId(), award.prizeId(), prize == null ? "" : prize.name());
        }
    }
}
