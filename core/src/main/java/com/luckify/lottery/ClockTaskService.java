package com.luckify.lottery;

import com.luckify.common.BusinessException;
import com.luckify.common.ErrorCode;
import com.luckify.common.LockRetry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * Proven clock tasks (打卡任务). A completed task multiplies the user's odds at the draw, so it is not taken on the
 * caller's word: starting the task issues a single-use ticket, and the task counts as done only when that ticket is
 * redeemed by the same user, for the same lottery, once the task's {@code seconds} have passed. Every time here is
 * the injected clock's, written into the ticket and compared with it, so issuing and redeeming use one clock; and
 * every time is a whole second, because that is what reaches the database (the driver drops the fraction when
 * talking to MariaDB) and what the API shows, so the rounding is chosen here, never late.
 */
@Service
public class ClockTaskService {

    private final LotteryMapper lotteries;
    private final ParticipationMapper participations;
    private final ClockTaskTicketMapper tickets;
    private final LockRetry lockRetry;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ClockTaskService(LotteryMapper lotteries, ParticipationMapper participations, ClockTaskTicketMapper tickets,
            LockRetry lockRetry, Clock clock) {
        this.lotteries = lotteries;
        this.participations = participations;
        this.tickets = tickets;
        this.lockRetry = lockRetry;
        this.clock = clock;
    }

    /**
     * Issues a ticket for the user's start of the lottery's clock task, redeemable once the task's seconds have
     * passed: from the start plus the seconds rounded up to a whole second, so at least the full time; a task of 0
     * seconds is due at once. Each start issues a new ticket; redeeming more than one still counts the task once.
     */
    public ClockTaskTicket start(long userId, long lotteryId) {
        Instant now = clock.instant();
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        ClockTask task = openTask(lotteryId, now);
        Instant redeemableAt = task.seconds() == 0 ? issuedAt : ceilToSecond(now.plusSeconds(task.seconds()));
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String ticket = HexFormat.of().formatHex(bits);
        tickets.insert(ticket, task.id(), lotteryId, userId, issuedAt, redeemableAt);
        return new ClockTaskTicket(ticket, redeemableAt);
    }

    /**
     * Records that the user did the lottery's clock task, by redeeming the ticket {@link #start} gave them. Refused
     * without a ticket (an old client: {@link ErrorCode#CLOCK_TASK_TICKET_REQUIRED}), before the ticket is due, with
     * somebody else's or another lottery's ticket, and with a ticket already redeemed. The redemption and the
     * completion commit together, so a refused or failed completion leaves the ticket unused.
     */
    public void complete(long userId, long lotteryId, String ticket) {
        Instant now = clock.instant();
        ClockTask task = openTask(lotteryId, now);
        if (ticket == null || ticket.isBlank()) {
            throw BusinessException.of(ErrorCode.CLOCK_TASK_TICKET_REQUIRED);
        }
        // a deadlock on the completion's gap lock rolls the redemption back with it, and the retry redeems again
        lockRetry.inTransactionWithoutResult(status -> {
            // a completion changes a weight the draw reads: it holds the lottery's row, so it either lands before the
            // draw begins (and is drawn) or finds it begun and is refused, and the published weights are the drawn ones
            participations.lockLotteryShared(lotteryId);
            String drawState = participations.drawStateLocked(lotteryId);
            if (drawState != null && !"PENDING".equals(drawState)) {
                throw BusinessException.of(ErrorCode.LOTTERY_CLOSED);
            }
            // due when its second has fully begun: rounding now down never lets a ticket in early
            if (tickets.redeem(ticket, userId, lotteryId, now.truncatedTo(ChronoUnit.SECONDS)) == 0) {
                throw refusal(tickets.find(ticket), userId, lotteryId);
            }
            participations.completeClockTask(task.id(), lotteryId, userId);
        });
    }

    private ClockTask openTask(long lotteryId, Instant now) {
        JoinRules.requireOpen(lotteries.findLottery(lotteryId), now);
        ClockTask task = lotteries.findClockTask(lotteryId);
        if (task == null) {
            throw BusinessException.of(ErrorCode.NO_CLOCK_TASK);
        }
        return task;
    }

    /** Why the guarded redemption changed nothing, from the ticket as it is now. */
    private static BusinessException refusal(ClockTaskTicketMapper.TicketRow row, long userId, long lotteryId) {
        if (row == null || row.userId() != userId || row.lotteryId() != lotteryId) {
            return BusinessException.of(ErrorCode.CLOCK_TASK_TICKET_INVALID);
        }
        if (row.redeemed() != 0) {
            return BusinessException.of(ErrorCode.CLOCK_TASK_TICKET_USED);
        }
        return BusinessException.of(ErrorCode.CLOCK_TASK_TOO_EARLY);
    }

    private static Instant ceilToSecond(Instant instant) {
        Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(instant) ? whole : whole.plusSeconds(1);
    }
}
