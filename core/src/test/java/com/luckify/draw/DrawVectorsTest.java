package com.luckify.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published test vectors ({@code spec/draw/weighted-top-k-v1.json}) against the implementation: every vector is
 * recomputed with {@link DrawAlgorithm} and {@link DrawVerifier}, so a change of either the file or the algorithm
 * fails here instead of leaving other implementers with vectors the draw no longer gives.
 */
class DrawVectorsTest {

    // Maven runs a module's tests in the module's directory; the file is at the repository's root
    private static final Path FILE = Path.of("..").resolve(DrawVectors.FILE);

    private final JsonNode vectors = read();

    @Test
    void theFileNamesTheAlgorithmAndVersionItIsFor() {
        assertThat(vectors.path("algorithm").asString()).isEqualTo(DrawAlgorithm.NAME);
        assertThat(vectors.path("algorithmVersion").asInt()).isEqualTo(DrawAlgorithm.VERSION);
    }

    @Test
    void everyLogarithmIsStrictMathsBitForBit() {
        assertThat(vectors.path("ln").size()).isGreaterThanOrEqualTo(200);
        for (JsonNode v : vectors.path("ln")) {
            long m = Long.parseLong(v.path("m").asString());
            double u = m * 0x1.0p-53;
            assertThat(DrawVectors.bits(u)).as("u of m = %d", m).isEqualTo(v.path("u").asString());
            assertThat(DrawVectors.bits(StrictMath.log(u))).as("ln of m = %d", m).isEqualTo(v.path("ln").asString());
        }
    }

    @Test
    void theLogarithmVectorsIncludeInputsWherePlatformLogarithmsDiffer() {
        List<String> ms = new ArrayList<>();
        vectors.path("ln").forEach(v -> ms.add(v.path("m").asString()));
        for (long m : DrawVectors.PLATFORM_LOG_DIFFERS) {
            assertThat(ms).contains(Long.toString(m));
        }
    }

    @Test
    void everyKeyIsTheDrawsKey() {
        for (JsonNode v : vectors.path("keys")) {
            DrawAlgorithm algorithm = new DrawAlgorithm(HexFormat.of().parseHex(v.path("seed").asString()));
            long userId = Long.parseLong(v.path("userId").asString());
            double u = algorithm.uniform(userId);
            assertThat(Long.toString((long) (u * 0x1.0p53))).as("m of user %d", userId).isEqualTo(v.path("m").asString());
            assertThat(DrawVectors.bits(u)).isEqualTo(v.path("u").asString());
            assertThat(DrawVectors.bits(StrictMath.log(u))).isEqualTo(v.path("ln").asString());
            assertThat(DrawVectors.bits(algorithm.key(new Entrant(userId, v.path("weight").asInt()))))
                    .as("key of user %d", userId).isEqualTo(v.path("key").asString());
        }
    }

    @Test
    void everyDrawGivesItsSeedHashDigestAndWinnersInPlaceOrder() throws Exception {
        assertThat(vectors.path("draws").size()).isGreaterThanOrEqualTo(5);
        for (JsonNode draw : vectors.path("draws")) {
            String name = draw.path("name").asString();
            byte[] seed = HexFormat.of().parseHex(draw.path("seed").asString());
            List<Entrant> participants = new ArrayList<>();
            draw.path("participants").forEach(p -> participants.add(new Entrant(Long.parseLong(p.get(0).asString()),
                    p.get(1).asInt())));
            List<PrizeRun> prizes = new ArrayList<>();
            draw.path("prizes").forEach(p -> prizes.add(new PrizeRun(Long.parseLong(p.path("id").asString()),
                    p.path("level").asInt(), p.path("count").asLong())));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Award> awards = DrawVerifier.verify(seed, participants, prizes,
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);

            JsonNode expected = draw.path("expected");
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed))).as(name)
                    .isEqualTo(expected.path("seedHash").asString());
            assertThat(printed).as(name).contains("participants " + expected.path("participantCount").asInt()
                    + " digest " + expected.path("participantsDigest").asString());
            List<Award> published = new ArrayList<>();
            int place = 1;
            for (JsonNode w : expected.path("winners")) {
                assertThat(w.path("place").asInt()).as(name).isEqualTo(place++);
                published.add(new Award(Long.parseLong(w.path("userId").asString()),
                        Long.parseLong(w.path("prizeId").asString())));
            }
            assertThat(awards).as(name).containsExactlyElementsOf(published);
        }
    }

    @Test
    void theFileIsExactlyWhatTheGeneratorWritesToday() throws IOException {
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("regenerate with DrawVectors after a deliberate change, and give the algorithm a new version")
                .isEqualTo(DrawVectors.render());
    }

    private static JsonNode read() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(FILE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }
}
