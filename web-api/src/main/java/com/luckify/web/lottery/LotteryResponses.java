package com.luckify.web.lottery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.luckify.draw.Entrant;
import com.luckify.lottery.ClockTask;
import com.luckify.lottery.DrawProof;
import com.luckify.lottery.Lottery;
import com.luckify.lottery.LotteryDetail;
import com.luckify.lottery.Participation;
import com.luckify.lottery.Prize;
import com.luckify.lottery.PrizeWinners;
import com.luckify.sponsor.Sponsor;
import com.luckify.user.PublicUser;
import java.time.Instant;
import java.util.List;

/**
 * Response bodies of the lottery endpoints, keyed exactly as the contract, inconsistencies included:
 * list items spell {@code isAnnouced} (and carry the correct {@code isAnnounced} too), detail uses
 * camelCase, entries and their prizes use snake_case. Times are Unix seconds, 0 when not set.
 */
final class LotteryResponses {

    private LotteryResponses() {
    }

    static long seconds(Instant time) {
        return time == null ? 0 : time.getEpochSecond();
    }

    record CreateLotteryResp(long id) {
    }

    record LotteryListResp(List<LotteryItem> list) {

        static LotteryListResp of(List<Lottery> lotteries) {
            return new LotteryListResp(lotteries.stream().map(LotteryItem::of).toList());
        }
    }

    record LotteryItem(long id, long userId, String name, String thumb, long publishTime, int joinNumber,
            String introduce, long awardDeadline, int isSelected, int announceType, long announceTime,
            // the original's misspelt key, kept for its clients, beside the correct one
            int isAnnouced, int isAnnounced, long sponsorId) {

        static LotteryItem of(Lottery l) {
            return new LotteryItem(l.id(), l.userId(), l.name(), l.thumb(), seconds(l.publishTime()), l.joinNumber(),
                    l.introduce(), seconds(l.awardDeadline()), l.isSelected(), l.announceType(),
                    seconds(l.announceTime()), l.isAnnounced(), l.isAnnounced(), l.sponsorId() == null ? 0 : l.sponsorId());
        }
    }

    record PrizeItem(long id, long lotteryId, int type, String name, int count, int stock, String thumb, int level,
            int grantType, int winProbabilityPpm) {

        static PrizeItem of(Prize p) {
            return new PrizeItem(p.id(), p.lotteryId(), p.type(), p.name(), p.count(), p.stock(), p.thumb(), p.level(),
                    p.grantType(), p.winProbabilityPpm());
        }
    }

    /**
     * The sponsor as lottery detail shows it (camelCase {@code qrCode}); all zero when there is none. A hidden
     * sponsor (isShow 2) stays on the lottery's record by id and name, but its contact details (description,
     * avatar, QR code, WeChat ids) are not public, so they are sent empty; its owner still reads them through
     * sponsorDetail.
     */
    record LotterySponsor(long id, long userId, int type, int appletType, String name, String desc, String avatar,
            int isShow, String qrCode, String inputA, String inputB) {

        static final LotterySponsor NONE = new LotterySponsor(0, 0, 0, 0, "", "", "", 0, "", "", "");
        private static final int SHOWN = 1;

        static LotterySponsor of(Sponsor s) {
            if (s == null) {
                return NONE;
            }
            return s.isShow() == SHOWN
                    ? new LotterySponsor(s.id(), s.userId(), s.type(), s.appletType(), s.name(), s.desc(), s.avatar(),
                            s.isShow(), s.qrCode(), s.inputA(), s.inputB())
                    : new LotterySponsor(s.id(), s.userId(), s.type(), s.appletType(), s.name(), "", "", s.isShow(), "",
                            "", "");
        }
    }

    record ClockTaskItem(long id, int type, int seconds, int appletType, String pageLink, String appId, String pagePath,
            String image, String videoAccountId, String videoId, String articleLink, String copywriting, int chanceType,
            int increaseMultiple) {

        static ClockTaskItem of(ClockTask t) {
            return t == null ? null : new ClockTaskItem(t.id(), t.type(), t.seconds(), t.appletType(), t.pageLink(),
                    t.appId(), t.pagePath(), t.image(), t.videoAccountId(), t.videoId(), t.articleLink(),
                    t.copywriting(), t.chanceType(), t.increaseMultiple());
        }
    }

    /**
     * The verifiable-draw proof: the seed stays hidden (empty) until the draw is done, and for good when the draw is
     * not {@code verifiable} (the demo data's hand-picked winners); {@code verifyUrl} is the public page that checks
     * the draw, a path on the API's host.
     */
    record DrawItem(String seedHash, String state, String seed, String algorithm, int algorithmVersion,
            int participantCount, String participantsDigest, long drawnTime, boolean verifiable, String verifyUrl) {

        static DrawItem of(DrawProof d, long lotteryId) {
            return d == null ? null : new DrawItem(d.seedHash(), d.state(), d.revealedSeed() == null ? "" : d.revealedSeed(),
                    d.algorithm() == null ? "" : d.algorithm(), d.algorithmVersion() == null ? 0 : d.algorithmVersion(),
                    d.participantCount() == null ? 0 : d.participantCount(),
                    d.participantsDigest() == null ? "" : d.participantsDigest(), seconds(d.drawnTime()),
                    d.verifiable(), DrawVerifyController.urlOf(lotteryId));
        }
    }

    record LotteryDetailResp(long id, long userId, String name, String thumb, long publishTime, int joinNumber,
            String introduce, long awardDeadline, int isSelected, int announceType, long announceTime, int isAnnounced,
            long sponsorId, List<PrizeItem> prizes, LotterySponsor sponsor, int isParticipated,
            // below: not in the original
            int isWon, long wonPrizeId, int isClocked, ClockTaskItem clockTask, int isClockTaskDone,
            int participantCount, int isCancelled, DrawItem draw, List<WonList> winners, int isPrizeClaimed) {

        static LotteryDetailResp of(LotteryDetail d) {
            Lottery l = d.lottery();
            return new LotteryDetailResp(l.id(), l.userId(), l.name(), l.thumb(), seconds(l.publishTime()),
                    l.joinNumber(), l.introduce(), seconds(l.awardDeadline()), l.isSelected(), l.announceType(),
                    seconds(l.announceTime()), l.isAnnounced(), l.sponsorId() == null ? 0 : l.sponsorId(),
                    d.prizes().stream().map(PrizeItem::of).toList(), LotterySponsor.of(d.sponsor()),
                    d.caller().participated() ? 1 : 0, d.caller().won() ? 1 : 0, d.caller().prizeId(),
                    d.clockTask() == null ? 0 : 1, ClockTaskItem.of(d.clockTask()), d.caller().clockTaskDone() ? 1 : 0,
                    (int) d.participantCount(), l.cancelledAt() == null ? 0 : 1, DrawItem.of(d.draw(), l.id()),
                    d.winners().stream().map(WonList::of).toList(), d.caller().prizeClaimed() ? 1 : 0);
        }
    }

    /** Prize as entries and winner lists show it (snake_case keys, as the original). */
    record LotteryPrize(long id, @JsonProperty("lottery_id") long lotteryId, int type, String name, int level,
            String thumb, int count, @JsonProperty("grant_type") int grantType) {

        static final LotteryPrize NONE = new LotteryPrize(0, 0, 0, "", 0, "", 0, 0);

        static LotteryPrize of(Prize p) {
            return p == null ? NONE : new LotteryPrize(p.id(), p.lotteryId(), p.type(), p.name(), p.level(), p.thumb(),
                    p.count(), p.grantType());
        }
    }

    record UserLotteryItem(long id, @JsonProperty("lottery_id") long lotteryId, @JsonProperty("user_id") long userId,
            @JsonProperty("is_won") int isWon, @JsonProperty("create_time") long createTime, LotteryPrize prize) {

        static UserLotteryItem of(Participation p) {
            return new UserLotteryItem(p.id(), p.lotteryId(), p.userId(), p.won() ? 1 : 0, seconds(p.createTime()),
                    LotteryPrize.of(p.prize()));
        }
    }

    record UserLotteryListResp(List<UserLotteryItem> list) {
    }

    /** A participant or winner as the original listed them: only nickname (masked) and avatar are filled. */
    record LotteryUserInfo(String mobile, String nickname, int sex, String avatar, String info, String signature,
            String locationName) {

        static LotteryUserInfo of(PublicUser u) {
            return new LotteryUserInfo("", u.nickname(), 0, u.avatar(), "", "", "");
        }
    }

    record SearchLotteryParticipationResp(long count, List<LotteryUserInfo> list) {
    }

    /** {@code lastUserId}: where the next page starts; 0 once the list is complete. */
    record DrawParticipantsResp(List<DrawEntrant> list, long lastUserId) {

        static DrawParticipantsResp of(List<Entrant> page, int pageSize) {
            long next = page.size() < pageSize || page.isEmpty() ? 0 : page.get(page.size() - 1).userId();
            return new DrawParticipantsResp(page.stream().map(e -> new DrawEntrant(e.userId(), e.weight())).toList(), next);
        }
    }

    record DrawEntrant(long userId, int weight) {
    }

    record WonList(LotteryPrize prize, int winnerCount, List<LotteryUserInfo> users) {

        static WonList of(PrizeWinners w) {
            return new WonList(LotteryPrize.of(w.prize()), w.winnerCount(),
                    w.users().stream().map(LotteryUserInfo::of).toList());
        }
    }

    record GetLotteryWinListResp(List<WonList> list) {
    }

    record AddInstantLotteryParticipationResp(long prizeId) {
    }

    /** Not in the original: the clock task's single-use ticket and when completeClockTask takes it (Unix seconds). */
    record StartClockTaskResp(String ticket, long redeemableAt) {
    }
}
