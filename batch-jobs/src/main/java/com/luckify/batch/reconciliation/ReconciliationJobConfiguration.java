package com.luckify.batch.reconciliation;

import com.luckify.batch.support.KeysetReader;
import com.luckify.comment.CommentService;
import com.luckify.comment.LikeTally;
import com.luckify.lottery.InstantWinService;
import com.luckify.lottery.LotteryDraws;
import com.luckify.lottery.PrizeTally;
import com.luckify.points.BalanceTally;
import com.luckify.points.PointsLedger;
import com.luckify.reconciliation.Finding;
import com.luckify.reconciliation.ReconciliationFindings;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code reconciliationJob}: compares what is kept twice and writes every difference to
 * {@code reconciliation_finding} (a healthy run writes nothing). One chunked, restartable step per check:
 * <ul>
 * <li>{@code instantHotState}: each running instant lottery's Redis stock and entrants against MySQL;
 * Redis is rebuilt from MySQL when they differ, never the reverse;</li>
 * <li>{@code likeCounts}: each comment's {@code praise_count} against its rows in {@code praise}; the counter
 * is set to the likes;</li>
 * <li>{@code pointsBalances}: each wish-value balance against the sum of its ledger; reported, not repaired
 * (money-like: a person decides);</li>
 * <li>{@code drawStock}: each drawn prize's units offered, left and won; reported, not repaired.</li>
 * </ul>
 * Every run is its own job instance ({@code runId}).
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationJobConfiguration {

    static final String JOB = "reconciliationJob";
    static final List<String> STEPS = List.of("instantHotState", "likeCounts", "pointsBalances", "drawStock");
    private static final int CHUNK = 500;

    @Bean
    Job reconciliationJob(JobRepository jobs, Step instantHotState, Step likeCounts, Step pointsBalances,
            Step drawStock) {
        return new JobBuilder(JOB, jobs).start(instantHotState).next(likeCounts).next(pointsBalances).next(drawStock)
                .build();
    }

    @Bean
    Step instantHotState(JobRepository jobs, PlatformTransactionManager transactions, InstantWinService instantWin,
            FindingsWriter findingsWriter) {
        return check("instantHotState", jobs, transactions,
                new KeysetReader<Long>("instant", instantWin::runningAfter, Long::longValue, CHUNK),
                instantWin::reconcile, findingsWriter);
    }

    @Bean
    Step likeCounts(JobRepository jobs, PlatformTransactionManager transactions, CommentService comments,
            FindingsWriter findingsWriter) {
        return check("likeCounts", jobs, transactions,
                new KeysetReader<LikeTally>("likes", comments::likeTalliesAfter, LikeTally::commentId, CHUNK),
                tally -> {
                    if (tally.stored() == tally.counted()) {
                        return List.of();
                    }
                    comments.repairLikeCount(tally.commentId());
                    return List.of(new Finding("PRAISE_COUNT", "comment", Long.toString(tally.commentId()),
                            Integer.toString(tally.counted()), Integer.toString(tally.stored()), true,
                            "praise_count set to the likes"));
                }, findingsWriter);
    }

    @Bean
    Step pointsBalances(JobRepository jobs, PlatformTransactionManager transactions, PointsLedger ledger,
            FindingsWriter findingsWriter) {
        return check("pointsBalances", jobs, transactions,
                new KeysetReader<BalanceTally>("balances", ledger::balancesAfter, BalanceTally::userId, CHUNK),
                tally -> tally.balance() == tally.ledgerSum() ? List.of()
                        : List.of(new Finding("POINTS_BALANCE", "user", Long.toString(tally.userId()),
                                Long.toString(tally.ledgerSum()), Long.toString(tally.balance()), false,
                                "not repaired: the ledger and the balance need a person's look")),
                findingsWriter);
    }

    @Bean
    Step drawStock(JobRepository jobs, PlatformTransactionManager transactions, LotteryDraws draws,
            FindingsWriter findingsWriter) {
        return check("drawStock", jobs, transactions,
                new KeysetReader<PrizeTally>("prizes", draws::drawnPrizesAfter, PrizeTally::prizeId, CHUNK),
                tally -> tally.consistent() ? List.of()
                        : List.of(new Finding("DRAW_STOCK", "prize", Long.toString(tally.prizeId()),
                                "stock " + (tally.count() - tally.winners()), "stock " + tally.stock(), false,
                                "not repaired: " + tally.winners() + " winners of " + tally.count() + " units")),
                findingsWriter);
    }

    @Bean
    @StepScope
    FindingsWriter findingsWriter(ReconciliationFindings findings, @Value("#{jobParameters['runId']}") String runId,
            @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        return new FindingsWriter(findings, runId, jobExecutionId);
    }

    private static <T> Step check(String name, JobRepository jobs, PlatformTransactionManager transactions,
            ItemStreamReader<T> reader, ItemProcessor<T, List<Finding>> compare, ItemWriter<List<Finding>> writer) {
        return new StepBuilder(name, jobs).<T, List<Finding>>chunk(CHUNK)
                .transactionManager(transactions)
                .reader(reader)
                .stream(reader)
                // nothing to write for a healthy item
                .processor(item -> {
                    List<Finding> found = compare.process(item);
                    return found == null || found.isEmpty() ? null : found;
                })
                .writer(writer)
                .build();
    }
}
