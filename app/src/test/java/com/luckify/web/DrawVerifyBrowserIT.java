package com.luckify.web;

import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.lottery.LotteryService;
import com.luckify.support.Browser;
import com.luckify.support.ClockTasks;
import com.luckify.support.DrawFixtures;
import com.luckify.support.IntegrationTest;
import com.luckify.support.LotteryFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public verify page in Debian's headless Chromium: given a lottery drawn by {@code drawJob}, when anyone opens
 * the page linked from its detail, then the script recomputes the draw from what is published and says "verified",
 * or names what differs once the database was tampered with; it agrees bit for bit with the published test vectors;
 * and a draw that cannot be verified (the demo's hand-picked winners) or has not happened says so.
 */
class DrawVerifyBrowserIT extends IntegrationTest {

    // Maven runs the app module's tests in app/; the vectors are at the repository's root
    private static final Path VECTORS = Path.of("..", "spec", "draw", "weighted-top-k-v1.json");
    private static final Path DEMO_DATA = Path.of("..", "sql", "src", "main", "resources", "db", "demo",
            "R__demo_data.sql");

    @Autowired
    DrawLauncher launcher;

    @Autowired
    LotteryService lotteryService;

    private Browser browser;
    private WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = new Browser("zh-CN");
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aRealDrawIsVerifiedAndATamperedOneShowsWhereItDiffers() {
        // given a lottery of 2 + 3 units drawn by the job: 1,200 participants (two pages of the participant list,
        // two digest blocks) and 12 who joined through the API, every third of them with the clock task's x3 weight
        String owner = newUserToken();
        long lotteryId = createLottery(owner, clockedLottery(prize(1, 2), prize(2, 3)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 1_200);
        List<String> players = bulkUserTokens(12);
        for (int i = 0; i < players.size(); i++) {
            assertThat(api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}",
                    players.get(i)).status()).isEqualTo(200);
            if (i % 3 == 0) {
                assertThat(ClockTasks.startAndComplete(api, players.get(i), lotteryId).code()).isEqualTo(200);
            }
        }
        makeDue(lotteryId);
        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lottery_participation WHERE lottery_id = ? AND weight = 3",
                Integer.class, lotteryId)).isEqualTo(4);

        // when anyone opens the page the lottery detail links
        JsonNode draw = api.post("/lottery/v1/lottery/lotteryDetail", "{\"id\":" + lotteryId + "}", owner).data()
                .path("draw");
        assertThat(draw.path("verifiable").asBoolean()).isTrue();
        String verifyUrl = draw.path("verifyUrl").asString();
        assertThat(verifyUrl).isEqualTo("/lottery/verify/" + lotteryId);
        WebElement verdict = verdictOf(verifyUrl);

        // then it recomputed everything and agrees
        browser.screenshot("draw-verified");
        assertThat(verdict.getAttribute("data-result")).as(verdict.getText()).isEqualTo("verified");
        assertThat(verdict.getText()).startsWith("Verified").contains("5 winners");
        assertThat(findings()).isEmpty();

        // when a participant's weight is changed after the draw
        long someone = jdbc.queryForObject("SELECT MIN(user_id) FROM lottery_participation WHERE lottery_id = ? "
                + "AND is_won = 0", Long.class, lotteryId);
        int weight = jdbc.queryForObject("SELECT weight FROM lottery_participation WHERE lottery_id = ? AND user_id = ?",
                Integer.class, lotteryId, someone);
        jdbc.update("UPDATE lottery_participation SET weight = 50 WHERE lottery_id = ? AND user_id = ?", lotteryId,
                someone);
        verdict = verdictOf(verifyUrl);

        // then the list no longer matches the digest the draw published
        assertThat(verdict.getAttribute("data-result")).isEqualTo("differs");
        assertThat(findings()).containsKey("digest");
        assertThat(findings().get("digest")).contains("Participants digest differs");
        jdbc.update("UPDATE lottery_participation SET weight = ? WHERE lottery_id = ? AND user_id = ?", weight,
                lotteryId, someone);
        assertThat(verdictOf(verifyUrl).getAttribute("data-result")).isEqualTo("verified");

        // when a win is moved to someone else in the database
        Map<String, Object> winner = jdbc.queryForList("SELECT user_id, prize_id FROM lottery_participation "
                + "WHERE lottery_id = ? AND is_won = 1 ORDER BY user_id", lotteryId).get(0);
        long winnerId = ((Number) winner.get("user_id")).longValue();
        jdbc.update("UPDATE lottery_participation SET is_won = 0, prize_id = NULL WHERE lottery_id = ? AND user_id = ?",
                lotteryId, winnerId);
        jdbc.update("UPDATE lottery_participation SET is_won = 1, prize_id = ? WHERE lottery_id = ? AND user_id = ?",
                winner.get("prize_id"), lotteryId, someone);
        verdict = verdictOf(verifyUrl);

        // then the page names the place whose winner is not the recorded one, and the winner the draw did not make
        browser.screenshot("draw-tampered");
        assertThat(verdict.getAttribute("data-result")).isEqualTo("differs");
        assertThat(findings()).containsOnlyKeys("winner");
        String text = driver.findElement(By.id("findings")).getText();
        assertThat(text).containsPattern("Place \\d: the draw gives user " + winnerId + " prize " + winner.get("prize_id")
                + ", but user " + winnerId + " is not among the published winners")
                .contains("User " + someone + " is published as a winner of prize " + winner.get("prize_id")
                        + ", but the draw does not make them win");
    }

    @Test
    void theScriptAgreesBitForBitWithEveryTestVector() throws IOException {
        // given the page's script, loaded on the page of a drawn lottery
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 1)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 3);
        makeDue(lotteryId);
        assertThat(launcher.draw(lotteryId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(verdictOf("/lottery/verify/" + lotteryId).getAttribute("data-result")).isEqualTo("verified");

        // when it computes every vector of the file the Java implementation wrote
        String text = Files.readString(VECTORS, StandardCharsets.UTF_8);
        Object computed = ((JavascriptExecutor) driver).executeScript(
                "return window.LuckifyDraw.computeVectors(arguments[0]);", text);

        // then every logarithm, key and draw is bit for bit the expected one
        JsonMapper json = JsonMapper.builder().build();
        JsonNode expected = json.readTree(text);
        JsonNode actual = json.readTree((String) computed);
        assertThat(actual.path("ln").size()).isEqualTo(expected.path("ln").size()).isGreaterThanOrEqualTo(200);
        for (int i = 0; i < expected.path("ln").size(); i++) {
            JsonNode want = expected.path("ln").get(i);
            assertThat(actual.path("ln").get(i)).as("ln of m = %s", want.path("m").asString()).isEqualTo(want);
        }
        assertThat(actual.path("keys").size()).isEqualTo(expected.path("keys").size());
        for (int i = 0; i < expected.path("keys").size(); i++) {
            JsonNode want = expected.path("keys").get(i);
            assertThat(actual.path("keys").get(i)).as("key of user %s", want.path("userId").asString()).isEqualTo(want);
        }
        assertThat(actual.path("draws").size()).isEqualTo(expected.path("draws").size());
        for (int i = 0; i < expected.path("draws").size(); i++) {
            JsonNode want = expected.path("draws").get(i);
            assertThat(actual.path("draws").get(i).path("expected")).as(want.path("name").asString())
                    .isEqualTo(want.path("expected"));
        }
    }

    @Test
    void aHandPickedDemoDrawSaysItIsNotVerifiableAndRevealsNoSeed() throws IOException {
        // given a lottery recorded as the demo data records lottery 900004: drawn, winners chosen by hand
        assertThat(Files.readString(DEMO_DATA, StandardCharsets.UTF_8))
                .as("the demo's drawn lottery is the hand-picked one").contains("'DRAWN', 'DEMO_HAND_PICKED'");
        String owner = newUserToken();
        long lotteryId = createLottery(owner, LotteryFixtures.lottery(1, 0, prize(1, 1)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 3);
        jdbc.update("UPDATE lottery_participation SET is_won = 1, prize_id = (SELECT id FROM prize WHERE lottery_id = ?) "
                + "WHERE lottery_id = ? ORDER BY user_id LIMIT 1", lotteryId, lotteryId);
        // the unit given is taken from the stock, as any win takes it (the reconciliation checks they agree)
        jdbc.update("UPDATE prize SET stock = stock - 1 WHERE lottery_id = ?", lotteryId);
        // with its seed in clear, as the demo data has it
        jdbc.update("UPDATE draw_record SET state = 'DRAWN', algorithm = 'DEMO_HAND_PICKED', algorithm_version = 1, "
                + "seed = ?, participant_count = 3, participants_digest = ?, winner_count = 1, drawn_time = NOW(3) "
                + "WHERE lottery_id = ?", new byte[32], "d".repeat(64), lotteryId);
        jdbc.update("UPDATE lottery SET is_announced = 1, announced_time = NOW(3), announce_time = NOW(3) "
                + "WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);

        // when its detail is read and its verify page opened
        JsonNode draw = api.post("/lottery/v1/lottery/lotteryDetail", "{\"id\":" + lotteryId + "}", owner).data()
                .path("draw");
        WebElement verdict = verdictOf(draw.path("verifyUrl").asString());

        // then no seed that does not produce its winners is published, and the page says why
        assertThat(draw.path("state").asString()).isEqualTo("DRAWN");
        assertThat(draw.path("verifiable").asBoolean()).isFalse();
        assertThat(draw.path("seed").asString()).isEmpty();
        browser.screenshot("draw-not-verifiable");
        assertThat(verdict.getAttribute("data-result")).isEqualTo("not-verifiable");
        assertThat(verdict.getText()).contains("This draw is not verifiable: demo data, winners chosen by hand");
        assertThat(driver.findElements(By.id("draw"))).as("nothing to recompute").isEmpty();
    }

    @Test
    void aLotteryNotDrawnYetOrUnknownSaysSo() {
        long lotteryId = createLottery(newUserToken(), LotteryFixtures.lottery(1, 0, prize(1, 1)));

        assertThat(verdictOf("/lottery/verify/" + lotteryId).getText()).contains("has not been drawn yet");
        assertThat(verdictOf("/lottery/verify/" + (lotteryId + 1_000_000)).getAttribute("data-result"))
                .isEqualTo("missing");
    }

    /** Opens a verify page and waits for its verdict (the script's, for a drawn lottery). */
    private WebElement verdictOf(String path) {
        driver.get("http://localhost:" + port + path);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            String result = d.findElement(By.id("verdict")).getAttribute("data-result");
            return !"pending".equals(result) && !"checking".equals(result);
        });
        return driver.findElement(By.id("verdict"));
    }

    /** The findings listed under the verdict, by what they concern (the first of each). */
    private Map<String, String> findings() {
        Map<String, String> byWhat = new LinkedHashMap<>();
        for (WebElement item : driver.findElements(By.cssSelector("#findings li"))) {
            byWhat.putIfAbsent(item.getAttribute("data-what"), item.getText());
        }
        return byWhat;
    }

    private void makeDue(long lotteryId) {
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
    }

    private static String clockedLottery(String... prizes) {
        return LotteryFixtures.lottery(1, 0, prizes).replace("\"isClocked\":0", "\"isClocked\":1,\"clockTask\":{"
                + "\"type\":3,\"seconds\":0,\"appletType\":0,\"pageLink\":\"\",\"appId\":\"\",\"pagePath\":\"\","
                + "\"image\":\"https://img.example.com/c.png\",\"videoAccountId\":\"\",\"videoId\":\"\",\"articleLink\":\"\","
                + "\"copywriting\":\"看图\",\"chanceType\":2,\"increaseMultiple\":3}");
    }
}
