package com.luckify.draw;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Recomputes a draw from what Luckify publishes, so that anyone can check it:
 *
 * <pre>
 * java -cp luckify-core.jar com.luckify.draw.DrawVerifier &lt;seed hex&gt; &lt;participants.csv&gt; &lt;prizes&gt;
 * </pre>
 *
 * {@code participants.csv} has one {@code userId,weight} line per participant (any order; a header line is
 * skipped); {@code prizes} is {@code prizeId:level:units[,prizeId:level:units...]}. It prints the seed's
 * SHA-256 (compare it with the hash published before the draw), the participant digest and the winners in
 * order, one {@code userId prizeId} line each.
 */
public final class DrawVerifier {

    private DrawVerifier() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DrawVerifier <seed hex> <participants.csv> <prizeId:level:units,...>");
            System.exit(2);
        }
        verify(HexFormat.of().parseHex(args[0]), readParticipants(Path.of(args[1])), parsePrizes(args[2]), System.out);
    }

    /** Prints the seed hash, digest and awards of a draw over these participants and prizes. */
    public static List<Award> verify(byte[] seed, List<Entrant> participants, List<PrizeRun> prizes, PrintStream out) {
        List<Entrant> ordered = new ArrayList<>(participants);
        ordered.sort(Comparator.comparingLong(Entrant::userId));
        ParticipantDigest digest = new ParticipantDigest();
        int winners = (int) Math.min(Awards.units(prizes), ordered.size());
        WinnerSelection selection = new WinnerSelection(new DrawAlgorithm(seed), winners);
        for (Entrant entrant : ordered) {
            digest.add(entrant);
            selection.offer(entrant);
        }
        List<Award> awards = Awards.assign(selection.winners(), prizes);
        out.println("algorithm " + DrawAlgorithm.NAME + " v" + DrawAlgorithm.VERSION);
        out.println("seed sha-256 " + sha256Hex(seed));
        out.println("participants " + ordered.size() + " digest " + digest.finish());
        for (Award award : awards) {
            out.println(award.userId() + " " + award.prizeId());
        }
        return awards;
    }

    static List<Entrant> readParticipants(Path csv) throws IOException {
        List<Entrant> entrants = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || !Character.isDigit(trimmed.charAt(0))) {
                continue;
            }
            String[] fields = trimmed.split("[,;:\\s]+");
            entrants.add(new Entrant(Long.parseLong(fields[0]), fields.length > 1 ? Integer.parseInt(fields[1]) : 1));
        }
        return entrants;
    }

    static List<PrizeRun> parsePrizes(String spec) {
        List<PrizeRun> prizes = new ArrayList<>();
        for (String prize : spec.split(",")) {
            String[] parts = prize.trim().split(":");
            prizes.add(new PrizeRun(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
        }
        return prizes;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
