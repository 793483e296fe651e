package com.luckify.batch.draw;

import com.luckify.draw.Award;
import com.luckify.draw.Awards;
import com.luckify.draw.Entrant;
import com.luckify.draw.ParticipantDigest;
import com.luckify.lottery.DrawPlan;
import com.luckify.lottery.LotteryDraws;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code drawJob}: one job instance per lottery ({@code lotteryId} is its identifying parameter), so a lottery
 * is never drawn twice and a failed draw restarts where it stopped.
 * <ol>
 * <li>{@code beginDraw}: is the lottery due? Marks its draw record DRAWING, or fails with
 * {@link DrawNotDueException} (a later start of the same instance asks again). Runs again on every restart,
 * so a lottery cancelled meanwhile is not drawn.</li>
 * <li>{@code selectWinners}: participants in user id order, in pages of {@value #PAGE}, through the
 * weighted top-K selection and the participant digest; memory O(prize units); state saved per chunk.</li>
 * <li>{@code recordDraw}: awards the units in level order and records everything in one transaction.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class DrawJobConfiguration {

    static final String JOB = "drawJob";
    static final List<String> STEPS = List.of("beginDraw", "selectWinners", "recordDraw");
    // every chunk commit writes the selection (O(prize units)) into the step context: fewer, larger chunks
    // keep that bookkeeping small next to the reading; a multiple of the digest block, so nothing half-hashed
    // is saved either
    static final int PAGE = 5 * ParticipantDigest.BLOCK;

    @Bean
    Job drawJob(JobRepository jobs, Step beginDraw, Step selectWinners, Step recordDraw) {
        return new JobBuilder(JOB, jobs)
                .start(beginDraw)
                .next(selectWinners)
                .next(recordDraw)
                .build();
    }

    @Bean
    Step beginDraw(JobRepository jobs, PlatformTransactionManager transactions, LotteryDraws draws) {
        return new StepBuilder("beginDraw", jobs).allowStartIfComplete(true).tasklet((contribution, chunk) -> {
            long lotteryId = lotteryId(chunk.getStepContext().getJobParameters());
            long executionId = chunk.getStepContext().getStepExecution().getJobExecutionId();
            if (draws.begin(lotteryId, executionId).isEmpty()) {
                // a failed instance can be started again: once the lottery is due, the same instance draws it
                throw new DrawNotDueException(lotteryId);
            }
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    @Bean
    Step selectWinners(JobRepository jobs, PlatformTransactionManager transactions, DrawParticipantReader drawReader,
            DrawSelectionWriter drawWriter) {
        ExecutionContextPromotionListener promote = new ExecutionContextPromotionListener();
        promote.setKeys(DrawKeys.PROMOTED);
        // one page of participants per item, one page per chunk: a commit (and a saved state) per page
        return new StepBuilder("selectWinners", jobs).<List<Entrant>, List<Entrant>>chunk(1)
                .transactionManager(transactions)
                .reader(drawReader)
                .writer(drawWriter)
                .stream(drawReader)
                .stream(drawWriter)
                .listener(promote)
                .build();
    }

    @Bean
    @StepScope
    DrawParticipantReader drawReader(LotteryDraws draws, @Value("#{jobParameters['lotteryId']}") Long lotteryId) {
        return new DrawParticipantReader(draws, draws.plan(lotteryId), PAGE);
    }

    @Bean
    @StepScope
    DrawSelectionWriter drawWriter(LotteryDraws draws, @Value("#{jobParameters['lotteryId']}") Long lotteryId) {
        return new DrawSelectionWriter(draws.plan(lotteryId));
    }

    @Bean
    Step recordDraw(JobRepository jobs, PlatformTransactionManager transactions, LotteryDraws draws) {
        return new StepBuilder("recordDraw", jobs).tasklet((contribution, chunk) -> {
            long lotteryId = lotteryId(chunk.getStepContext().getJobParameters());
            ExecutionContext selected = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            DrawPlan plan = draws.plan(lotteryId);
            List<Entrant> winners = DrawSelectionWriter.decode(selected.getString(DrawKeys.SELECTED, ""));
            List<Award> awards = Awards.assign(winners, plan.units());
            String digest = selected.containsKey(DrawKeys.DIGEST_CHAIN)
                    ? ParticipantDigest.resume(new ParticipantDigest.State(selected.getString(DrawKeys.DIGEST_CHAIN),
                            selected.getString(DrawKeys.DIGEST_PENDING), selected.getInt(DrawKeys.DIGEST_PENDING_LINES),
                            selected.getLong(DrawKeys.DIGEST_LAST_USER_ID))).finish()
                    : new ParticipantDigest().finish();
            draws.complete(plan, awards, (int) selected.getLong(DrawKeys.PARTICIPANTS, 0L), digest,
                    chunk.getStepContext().getStepExecution().getJobExecutionId());
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    private static long lotteryId(java.util.Map<String, Object> parameters) {
        return ((Number) parameters.get(DrawKeys.LOTTERY_ID)).longValue();
    }
}
