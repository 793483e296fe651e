package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import com.luckify.common.Outbox;
import com.luckify.user.PublicUser;
import com.luckify.user.UserService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Joining lotteries drawn later (by time or by count), and who joined or won what (clock tasks: ClockTaskService). */
@Service
public class ParticipationService {

    private final LotteryMapper lotteries;
    private final ParticipationMapper participations;
    private final UserService users;
    private final Outbox outbox;
    private final WinnerBoard winnerBoard;
    private final LockRetry lockRetry;
    private final Clock clock;

    ParticipationService(LotteryMapper lotteries, ParticipationMapper participations, UserService users, Outbox outbox,
            WinnerBoard winnerBoard, LockRetry lockRetry, Clock clock) {
        this.lotteries = lotteries;
        this.participations = participations;
        this.users = users;
        this.outbox = outbox;
        this.winnerBoard = winnerBoard;
        this.lockRetry = lockRetry;
        this.clock = clock;
    }

    /**
     * Enters the user. One entry per user by the unique key; the participant count moves in the same
     * transaction with a guard that also caps a by-count lottery at its number, which raises the event the
     * draw job listens for. The count comes first: it takes the lottery's row lock before the entry's foreign
     * key would share-lock that row, so joins of one lottery queue on the lock instead of deadlocking on it
     * (two share locks each waiting for the other to let go), and a duplicate waits for the first entry to
     * commit and then meets the unique key.
     */
    public void join(long userId, long lotteryId) {
        Lottery lottery = lotteries.findLottery(lotteryId);
        JoinRules.requireOpen(lottery, clock.instant());
        if (lottery.isInstant()) {
            throw BusinessException.of(ErrorCode.NOT_FOR_INSTANT_LOTTERY);
        }
        try {
            lockRetry.inTransactionWithoutResult(status -> {
                if (participations.countIn(lotteryId, clock.instant()) == 0) {
                    // closed since we looked: say why, from the row as it is now
                    JoinRules.requireOpen(lotteries.findLottery(lotteryId), clock.instant());
                    throw BusinessException.of(ErrorCode.LOTTERY_CLOSED);
                }
                // the count holds the lottery's row: a draw begun before it has committed is seen here, and a draw
                // beginning now waits for this entry and draws it, so the published participants are the drawn ones
                if (!"PENDING".equals(participations.drawStateLocked(lotteryId))) {
                    throw BusinessException.of(ErrorCode.LOTTERY_CLOSED);
                }
                // the API refuses blacklisted users before any write (cached for a few seconds); the insert checks
                // again in the same statement, so a ban never lets a join through, and a refusal rolls the count back
                if (participations.insertUnlessBlacklisted(lotteryId, userId, null) == 0) {
                    throw BusinessException.of(ErrorCode.USER_BLACKLISTED);
                }
                outbox.record("LotteryJoined", "lottery", lotteryId, Map.of("lotteryId", lotteryId, "userId", userId,
                        "instant", false));
                if (lottery.announceType() == AnnounceType.BY_PARTICIPANTS
                        && participations.participantCount(lotteryId) == lottery.joinNumber()) {
                    outbox.record("JoinThresholdReached", "lottery", lotteryId, Map.of("lotteryId", lotteryId,
                            "joinNumber", lottery.joinNumber()));
                }
            });
        } catch (DuplicateKeyException e) {
            throw BusinessException.of(ErrorCode.ALREADY_JOINED);
        }
    }

    /**
     * The prize the user won in the lottery, if any; {@link ErrorCode#LOTTERY_NOT_FOUND} when there is no
     * such lottery.
     */
    public Optional<Prize> prizeWonBy(long userId, long lotteryId) {
        if (lotteries.findLottery(lotteryId) == null) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_FOUND);
        }
        Long prizeId = participations.wonPrizeId(lotteryId, userId);
        if (prizeId == null) {
            return Optional.empty();
        }
        return lotteries.findPrizesOf(List.of(lotteryId)).stream().filter(prize -> prize.id() == prizeId).findFirst();
    }

    /** A page (1-based) of the lottery's participants in joining order, masked, and their total. */
    public Participants participants(long lotteryId, int page, int size) {
        if (lotteries.findLottery(lotteryId) == null) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_FOUND);
        }
        long count = participations.countEntries(lotteryId);
        int pageSize = new ListQuery(0, size).size();
        if (pageSize == 0) {
            return new Participants(count, List.of());
        }
        List<Long> ids = participations.participantPage(lotteryId, (long) (Math.max(page, 1) - 1) * pageSize, pageSize);
        Map<Long, PublicUser> byId = users.publicUsers(ids);
        return new Participants(count, ids.stream().map(id -> byId.getOrDefault(id, new PublicUser(id, "**", "")))
                .toList());
    }

    /** Each prize in level order with its masked winners; empty while nobody has won. */
    public List<PrizeWinners> winners(long lotteryId) {
        if (lotteries.findLottery(lotteryId) == null) {
            throw BusinessException.of(ErrorCode.LOTTERY_NOT_FOUND);
        }
        return winnerBoard.of(lotteryId);
    }

    /** The user's entries, newest first, each with its won prize or the lottery's first prize as cover. */
    public List<Participation> entriesOf(long userId, ListQuery query, boolean wonOnly) {
        if (query.size() == 0) {
            return List.of();
        }
        List<ParticipationMapper.UserParticipationRow> rows = participations.byUser(userId, query.cursor(), query.size(),
                wonOnly);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Prize> prizeById = new HashMap<>();
        Map<Long, Prize> coverByLottery = new HashMap<>();
        for (Prize prize : lotteries.findPrizesOf(rows.stream().map(ParticipationMapper.UserParticipationRow::lotteryId)
                .distinct().toList())) {
            prizeById.put(prize.id(), prize);
            coverByLottery.merge(prize.lotteryId(), prize,
                    (a, b) -> Comparator.comparingInt(Prize::level).thenComparingLong(Prize::id).compare(a, b) <= 0 ? a : b);
        }
        List<Participation> entries = new ArrayList<>(rows.size());
        for (ParticipationMapper.UserParticipationRow row : rows) {
            Prize prize = row.prizeId() != null ? prizeById.get(row.prizeId()) : coverByLottery.get(row.lotteryId());
            entries.add(new Participation(row.id(), row.lotteryId(), row.userId(), row.isWon() == 1, row.createTime(),
                    prize));
        }
        return entries;
    }
}
