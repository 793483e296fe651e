/**
 * Lotteries (抽奖): creation and publication, the lists and the detail the mini-program shows, joining,
 * clock tasks (打卡任务) and instant win (即抽即中).
 * Public API: {@link com.luckify.lottery.LotteryService}, {@link com.luckify.lottery.ParticipationService},
 * {@link com.luckify.lottery.InstantWinService} and their records. Mappers and the Redis gate stay inside.
 */
package com.luckify.lottery;
