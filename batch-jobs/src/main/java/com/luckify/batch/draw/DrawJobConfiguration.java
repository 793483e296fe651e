package com.luckify.batch.draw;

import com.luckify.draw.Entrant;
import com.luckify.draw.ParticipantDigest;
import com.luckify.lottery.LotteryDraws;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.JobScope;
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
 * <li>{@code selectWinners}: participants in user id order, in pages of {@value #PAGE}: their keys, kept as
 * candidates in the database in the chunk's transaction, and the participant digest; memory one page, whatever
 * the participants and prize units.</li>
 * <li>{@code recordDraw}: ranks the candidates in the database, awards the prizes' units in level order and
 * records everything in one transaction.</li>
 * </ol>
 * The plan (seed, prizes as runs of units, clock-task weight) is built once per job execution
 * ({@link JobDrawPlan}, job-scoped) and used by all three.
 */
@Configuration(proxyBeanMethods = false)
class DrawJobConfiguration {

    static final String JOB = "drawJob";
    static final List<String> STEPS = List.of("beginDraw", "selectWinners", "recordDraw");
    // a commit and one multi-row insert of candidates per page: fewer, larger chunks keep Batch's bookkeeping
    // small next to the reading; a multiple of the digest block, so nothing half-hashed is saved either
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
            if (!draws.begin(lotteryId, executionId)) {
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

    /** One plan per job execution; the steps' beans get it through this proxy. */
    @Bean
    @JobScope
    JobDrawPlan drawPlan(LotteryDraws draws, @Value("#{jobParameters['lotteryId']}") Long lotteryId) {
        return new JobDrawPlan(draws, lotteryId);
    }

    @Bean
    @StepScope
    DrawParticipantReader drawReader(LotteryDraws draws, JobDrawPlan drawPlan) {
        return new DrawParticipantReader(draws, drawPlan.plan(), PAGE);
    }

    @Bean
    @StepScope
    DrawSelectionWriter drawWriter(LotteryDraws draws, JobDrawPlan drawPlan) {
        return new DrawSelectionWriter(draws, drawPlan.plan());
    }

    @Bean
    Step recordDraw(JobRepository jobs, PlatformTransactionManager transactions, LotteryDraws draws,
            JobDrawPlan drawPlan) {
        return new StepBuilder("recordDraw", jobs).tasklet((contribution, chunk) -> {
            ExecutionContext selected = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            String digest = selected.containsKey(DrawKeys.DIGEST_CHAIN)
                    ? ParticipantDigest.resume(new ParticipantDigest.State(selected.getString(DrawKeys.DIGEST_CHAIN),
                            selected.getString(DrawKeys.DIGEST_PENDING), selected.getInt(DrawKeys.DIGEST_PENDING_LINES),
                            selected.getLong(DrawKeys.DIGEST_LAST_USER_ID))).finish()
                    : new ParticipantDigest().finish();
            draws.complete(drawPlan.plan(), (int) selected.getLong(DrawKeys.PARTICIPANTS, 0L), digest,
                    chunk.getStepContext().getStepExecution().getJobExecutionId());
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    private static long lotteryId(java.util.Map<String, Object> parameters) {
        return ((Number) parameters.get(DrawKeys.LOTTERY_ID)).longValue();
    }
}
