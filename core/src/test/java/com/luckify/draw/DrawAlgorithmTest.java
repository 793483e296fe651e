package com.luckify.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DrawAlgorithmTest {

    /** Chi-square critical value for 19 degrees of freedom at p = 0.001. */
    private static final double CHI2_19_P001 = 43.82;

    @Test
    void theSameSeedAndParticipantsGiveTheSameWinnersInAnyReadingOrder() {
        byte[] seed = seed(1);
        List<Entrant> entrants = entrants(500);
        List<Entrant> shuffled = new ArrayList<>(entrants);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(select(seed, shuffled, 10)).isEqualTo(select(seed, entrants, 10)).hasSize(10).doesNotHaveDuplicates();
        assertThat(select(seed(2), entrants, 10)).isNotEqualTo(select(seed, entrants, 10));
    }

    @Test
    void aDrawResumedFromItsSavedStateEndsLikeAnUninterruptedOne() {
        byte[] seed = seed(3);
        List<Entrant> entrants = entrants(5_000);
        WinnerSelection first = new WinnerSelection(new DrawAlgorithm(seed), 25);
        entrants.subList(0, 2_000).forEach(first::offer);
        List<Entrant> saved = first.state();

        WinnerSelection resumed = new WinnerSelection(new DrawAlgorithm(seed), 25);
        saved.forEach(resumed::offer);
        entrants.subList(2_000, entrants.size()).forEach(resumed::offer);

        assertThat(resumed.winners()).isEqualTo(select(seed, entrants, 25));
    }

    @Test
    void everyParticipantWinsAtMostOnceAndUnitsGoOutInLevelOrder() {
        List<Entrant> winners = select(seed(4), entrants(3), 10);
        List<PrizeRun> prizes = List.of(new PrizeRun(30, 3, 1), new PrizeRun(10, 1, 2), new PrizeRun(20, 2, 1));

        List<Award> awards = Awards.assign(winners, prizes);

        assertThat(winners).hasSize(3);
        assertThat(awards).extracting(Award::prizeId).containsExactly(10L, 10L, 20L);
        assertThat(awards).extracting(Award::userId).containsExactlyElementsOf(winners.stream().map(Entrant::userId).toList());
        assertThat(Awards.assign(List.of(), prizes)).isEmpty();
    }

    @Test
    void runsOfUnitsGiveTheSamePlacesAsUnitsOneByOne() {
        // level first, then prize id; a prize's units consecutive; runs without units and units past the winners
        // left out
        List<PrizeRun> prizes = List.of(new PrizeRun(9, 2, 3), new PrizeRun(4, 1, 2), new PrizeRun(7, 2, 0),
                new PrizeRun(5, 1, 1_000_000_000L), new PrizeRun(8, 3, 4));

        assertThat(Awards.units(prizes)).isEqualTo(1_000_000_009L);
        assertThat(Awards.places(prizes, 1_000_000_009L)).containsExactly(new PrizePlaces(4, 1, 2),
                new PrizePlaces(5, 3, 1_000_000_002L), new PrizePlaces(9, 1_000_000_003L, 1_000_000_005L),
                new PrizePlaces(8, 1_000_000_006L, 1_000_000_009L));
        assertThat(Awards.places(prizes, 4)).containsExactly(new PrizePlaces(4, 1, 2), new PrizePlaces(5, 3, 4));
        assertThat(Awards.places(prizes, 0)).isEmpty();

        // the same as handing out one unit at a time, sorted as units were before runs
        List<PrizeRun> small = List.of(new PrizeRun(9, 2, 3), new PrizeRun(4, 1, 2), new PrizeRun(5, 1, 1),
                new PrizeRun(8, 3, 4));
        List<Entrant> winners = select(seed(6), entrants(40), 10);
        List<long[]> units = new ArrayList<>();
        small.forEach(run -> LongStream.range(0, run.count()).forEach(i -> units.add(new long[] {run.level(), run.prizeId()})));
        units.sort(java.util.Comparator.<long[]>comparingLong(u -> u[0]).thenComparingLong(u -> u[1]));
        List<Award> oneByOne = new ArrayList<>();
        for (int i = 0; i < winners.size(); i++) {
            oneByOne.add(new Award(winners.get(i).userId(), units.get(i)[1]));
        }
        assertThat(Awards.assign(winners, small)).isEqualTo(oneByOne);
    }

    @Test
    void sortableKeysOrderAsJavaComparesTheKeys() {
        Random random = new Random(11);
        List<Double> keys = new ArrayList<>(List.of(0.0, -0.0, -Double.MIN_VALUE, -Double.MAX_VALUE,
                Double.NEGATIVE_INFINITY, -1.0, Math.nextUp(-1.0), Math.nextDown(-1.0), StrictMath.log(0x1.0p-53)));
        for (int i = 0; i < 10_000; i++) {
            keys.add(StrictMath.log(((random.nextLong() >>> 11) + 1) * 0x1.0p-53) / (1 + random.nextInt(10)));
        }
        for (int i = 0; i < keys.size(); i++) {
            double a = keys.get(i);
            double b = keys.get((i * 7 + 3) % keys.size());
            assertThat(Long.signum(Long.compare(DrawAlgorithm.sortable(a), DrawAlgorithm.sortable(b))))
                    .as("%s vs %s", a, b).isEqualTo(Integer.signum(Double.compare(a, b)));
            assertThat(DrawAlgorithm.sortable(a)).isEqualTo(DrawAlgorithm.sortable(Double.valueOf(a)));
        }
        // neighbouring doubles stay apart, equal ones stay equal
        assertThat(DrawAlgorithm.sortable(Math.nextUp(-0.5)) - DrawAlgorithm.sortable(-0.5)).isEqualTo(1);
        assertThat(DrawAlgorithm.sortable(-0.5)).isEqualTo(DrawAlgorithm.sortable(-1.0 / 2));
    }

    @Test
    void aParticipantRefusedBySelectionCanNeverWin() {
        byte[] seed = seed(8);
        List<Entrant> entrants = entrants(2_000);
        WinnerSelection selection = new WinnerSelection(new DrawAlgorithm(seed), 15);
        List<Entrant> admitted = new ArrayList<>();
        for (Entrant entrant : entrants) {
            if (selection.offer(entrant)) {
                admitted.add(entrant);
            }
        }

        assertThat(admitted).containsAll(select(seed, entrants, 15)).hasSizeLessThan(300);
        assertThat(new WinnerSelection(new DrawAlgorithm(seed), 0).offer(entrants.get(0))).isFalse();
    }

    @Test
    void uniformOddsAreFair() {
        int draws = 20_000;
        long[] wins = new long[20];
        for (int i = 0; i < draws; i++) {
            wins[(int) select(seed(1_000 + i), entrants(20), 1).get(0).userId() - 1]++;
        }
        assertThat(chiSquare(wins, expected(draws, new int[20]))).isLessThan(CHI2_19_P001);
    }

    @Test
    void weightedOddsFollowTheWeights() {
        int[] weights = {1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 8, 10};
        List<Entrant> entrants = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            entrants.add(new Entrant(i + 1, weights[i]));
        }
        int draws = 30_000;
        long[] wins = new long[weights.length];
        for (int i = 0; i < draws; i++) {
            wins[(int) select(seed(50_000 + i), entrants, 1).get(0).userId() - 1]++;
        }
        assertThat(chiSquare(wins, expected(draws, weights))).isLessThan(CHI2_19_P001);
    }

    @Test
    void withSeveralPlacesEveryoneIsEquallyLikelyToBeAmongTheWinners() {
        int draws = 10_000;
        long[] wins = new long[20];
        for (int i = 0; i < draws; i++) {
            for (Entrant winner : select(seed(90_000 + i), entrants(20), 3)) {
                wins[(int) winner.userId() - 1]++;
            }
        }
        double[] expected = new double[20];
        java.util.Arrays.fill(expected, draws * 3 / 20.0);
        assertThat(chiSquare(wins, expected)).isLessThan(CHI2_19_P001);
    }

    @Test
    void theDigestIsAChainOfSha256OverBlocksOfLines() throws Exception {
        ParticipantDigest small = new ParticipantDigest();
        List.of(new Entrant(1, 1), new Entrant(2, 3), new Entrant(5, 1)).forEach(small::add);
        assertThat(small.finish()).isEqualTo(hex(sha256(new byte[32], "1:1\n2:3\n5:1\n")));

        ParticipantDigest large = new ParticipantDigest();
        StringBuilder firstBlock = new StringBuilder();
        StringBuilder secondBlock = new StringBuilder();
        for (long id = 1; id <= 1_500; id++) {
            large.add(new Entrant(id, 1));
            (id <= 1_000 ? firstBlock : secondBlock).append(id).append(":1\n");
        }
        byte[] afterFirst = sha256(new byte[32], firstBlock.toString());
        assertThat(large.finish()).isEqualTo(hex(sha256(afterFirst, secondBlock.toString())));

        // saved and resumed in the middle of a block, as a restarted draw does
        ParticipantDigest before = new ParticipantDigest();
        for (long id = 1; id <= 1_234; id++) {
            before.add(new Entrant(id, 1));
        }
        ParticipantDigest resumed = ParticipantDigest.resume(before.state());
        for (long id = 1_235; id <= 1_500; id++) {
            resumed.add(new Entrant(id, 1));
        }
        assertThat(resumed.finish()).isEqualTo(large.finish());
    }

    @Test
    void theVerifierPrintsTheSeedHashDigestAndWinners() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Award> awards = DrawVerifier.verify(seed(5), entrants(50), DrawVerifier.parsePrizes("7:1:1,8:2:2"),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(awards).hasSize(3);
        assertThat(printed).contains("seed sha-256 " + hex(sha256(seed(5))), "participants 50 digest ",
                awards.get(0).userId() + " 7", awards.get(2).userId() + " 8");
    }

    private static List<Entrant> select(byte[] seed, List<Entrant> entrants, int places) {
        WinnerSelection selection = new WinnerSelection(new DrawAlgorithm(seed), places);
        entrants.forEach(selection::offer);
        return selection.winners();
    }

    private static List<Entrant> entrants(int n) {
        return LongStream.rangeClosed(1, n).mapToObj(id -> new Entrant(id, 1)).toList();
    }

    /** Fixed seeds, so the statistical tests give the same answer on every run. */
    private static byte[] seed(int n) {
        return sha256(("luckify-test-seed-" + n).getBytes(StandardCharsets.UTF_8));
    }

    private static double[] expected(int draws, int[] weights) {
        double total = 0;
        for (int w : weights) {
            total += Math.max(w, 1);
        }
        double[] expected = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            expected[i] = draws * Math.max(weights[i], 1) / total;
        }
        return expected;
    }

    private static double chiSquare(long[] observed, double[] expected) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            sum += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
        }
        return sum;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] chain, String block) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(chain);
            digest.update(block.getBytes(StandardCharsets.US_ASCII));
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
