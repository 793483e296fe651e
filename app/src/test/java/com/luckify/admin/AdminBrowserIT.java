package com.luckify.admin;

import static com.luckify.support.LotteryFixtures.lottery;
import static com.luckify.support.LotteryFixtures.prize;
import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.batch.draw.DrawLauncher;
import com.luckify.lottery.LotteryService;
import com.luckify.staff.StaffRole;
import com.luckify.support.AdminTest;
import com.luckify.support.Browser;
import com.luckify.support.DrawFixtures;
import com.luckify.support.RefusedTaskProgress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser (Debian's headless Chromium): what staff do every day, end to end, with
 * screenshots of the main pages in {@code app/target/screenshots}.
 */
class AdminBrowserIT extends AdminTest {

    private static final ZoneId BUSINESS = ZoneId.of("Asia/Shanghai");

    @Autowired
    DrawLauncher draws;

    @Autowired
    LotteryService lotteryService;

    private Browser browser;
    private WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = new Browser("en-US");
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aCampaignManagerCreatesPublishesAndFeaturesALotteryThatTheMiniProgramThenLists() {
        long ownerId = userIdOf(newUserToken());
        String name = "浏览器抽奖" + UUID.randomUUID().toString().substring(0, 4);
        logIn(staff(StaffRole.CAMPAIGN_MANAGER), "login");
        await().until(d -> "true".equals(d.findElement(By.id("trend-chart")).getAttribute("data-rendered")));
        browser.screenshot("dashboard");

        open("/admin/lotteries/new");
        type("ownerId", String.valueOf(ownerId));
        type("name", name);
        LocalDateTime tomorrow = LocalDateTime.now(BUSINESS).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        setValue("announceTime", tomorrow.toString());
        setValue("awardDeadline", tomorrow.plusDays(7).toString());
        type("prizes0.name", "");
        // first a mistake, shown inline without leaving the page
        driver.findElement(By.id("publish1")).click();
        driver.findElement(By.id("create-lottery")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lottery-form"),
                "A prize needs a name of at most 50 characters."));
        assertThat(driver.getCurrentUrl()).endsWith("/admin/lotteries/new");
        browser.screenshot("lottery-form-errors");
        type("prizes0.name", "蓝牙耳机");
        driver.findElement(By.id("create-lottery")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("lottery-state")));
        assertThat(driver.findElement(By.id("lottery-state")).getText()).isEqualTo("Draft");
        long lotteryId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/admin/lotteries/(\\d+).*", "$1"));
        assertThat(listed(lotteryId, false)).isFalse();

        driver.findElement(By.id("publish")).click();
        driver.switchTo().alert().accept();
        await().until(ExpectedConditions.textToBe(By.id("lottery-state"), "Live"));
        driver.findElement(By.id("feature")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("featured-badge")));
        browser.screenshot("lottery-detail");

        assertThat(listed(lotteryId, true)).as("in the mini-program's featured list").isTrue();
        open("/admin/lotteries");
        type("q", name);
        // the filter swaps the results without a reload, and puts itself in the address bar
        await().until(ExpectedConditions.urlContains("q="));
        await().until(d -> d.findElements(By.cssSelector("tr[data-lottery]")).size() == 1);
        assertThat(driver.findElements(By.cssSelector("tr[data-lottery='" + lotteryId + "']"))).hasSize(1);
        assertThat(script("return document.querySelectorAll('#results').length")).as("swapped, not nested").isEqualTo(1L);
        browser.screenshot("lotteries");
    }

    @Test
    void aModeratorSeesAScriptAsTextAndApprovesIt() {
        long lotteryId = createLottery(newUserToken(), lottery(3, 0, prize(1, 10, 1_000_000)));
        String winner = newUserToken();
        api.post("/lottery/v1/lottery/instantParticipation", "{\"lotteryId\":" + lotteryId + "}", winner);
        long commentId = api.post("/comment/v1/comment/addComment", "{\"lotteryId\":" + lotteryId
                + ",\"prizeName\":\"\",\"content\":\"<script>alert(1)</script> BadWord\",\"pics\":\"\"}", winner)
                .data().path("id").asLong();
        logIn(staff(StaffRole.MODERATOR), null);

        // oldest first: a shared test database has older pending comments, so open this author's
        open("/admin/moderation?tab=PENDING&author=" + userIdOf(winner));
        WebElement row = driver.findElement(By.cssSelector("tr[data-comment='" + commentId + "']"));
        assertThat(row.findElement(By.cssSelector(".comment-text")).getText())
                .isEqualTo("<script>alert(1)</script> BadWord");
        assertThat(((JavascriptExecutor) driver).executeScript("return document.querySelectorAll('#results script').length"))
                .isEqualTo(0L);
        browser.screenshot("moderation");

        row.findElement(By.xpath(".//button[normalize-space()='Approve']")).click();
        await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-comment='" + commentId + "']"), 0));
        assertThat(driver.findElement(By.id("results")).getText()).contains("1 comment(s) changed.");
        assertThat(jdbc.queryForObject("SELECT moderation_state FROM `comment` WHERE id = ?", String.class, commentId))
                .isEqualTo("VISIBLE");
    }

    @Test
    void anAdminWatchesADrawsProgressBarMoveAndFinish() throws Exception {
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 10)));
        DrawFixtures.bulkParticipants(jdbc, lotteryId, 150_000);
        jdbc.update("UPDATE lottery SET announce_time = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", lotteryId);
        lotteryService.changed(lotteryId);
        logIn(staff(StaffRole.ADMIN), null);
        open("/admin/jobs?job=drawJob");

        CompletableFuture<JobExecution> draw = CompletableFuture.supplyAsync(() -> draws.draw(lotteryId));
        Set<String> seen = new LinkedHashSet<>();
        String rowSelector = "tr[id^='execution-']";
        // the page was opened before the run: the row appears after a reload, then refreshes itself
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector(rowSelector + "[data-status='STARTED']")).isEmpty()
                    || draw.isDone();
        });
        Object running = script("var row = document.querySelector(\"" + rowSelector + "[data-status='STARTED']\");"
                + " return row ? 'STARTED ' + row.querySelector('[role=progressbar]').getAttribute('aria-valuenow') : null");
        if (running != null) {
            seen.add(running.toString());
        }
        browser.screenshot("jobs-running");
        long executionId = draw.get().getId();
        By row = By.id("execution-" + executionId);
        // the row replaces itself every second: read it in one script call, never through a held element
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(50)).until(d -> {
            Object state = script("var row = document.getElementById('execution-" + executionId + "');"
                    + " return row ? row.dataset.status + ' ' + row.querySelector('[role=progressbar]').getAttribute('aria-valuenow')"
                    + " : null");
            if (state != null) {
                seen.add(state.toString());
            }
            return state != null && state.toString().startsWith("COMPLETED");
        });

        assertThat(seen).as("the bar as the browser showed it").first().asString().startsWith("STARTED");
        assertThat(seen).last().isEqualTo("COMPLETED 100");
        assertThat(driver.findElement(row).getText()).contains("selectWinners: read", "recordDraw: read 0, written 0, 1 commits");
        browser.screenshot("jobs");
    }

    @Test
    void anAdminFindsAnEventDeadLetterReadsItAndRetriesItByClicking() throws Exception {
        String player = newUserToken();
        long userId = userIdOf(player);
        long lotteryId = createLottery(newUserToken(), lottery(1, 0, prize(1, 10)));
        long eventId;
        // the task-progress consumer fails on this user's join until its attempts are spent; then the cause goes
        try (RefusedTaskProgress refused = RefusedTaskProgress.of(jdbc, userId)) {
            api.post("/lottery/v1/lottery/participation", "{\"lotteryId\":" + lotteryId + "}", player);
            eventId = refused.joinEvent(lotteryId);
            refused.awaitDeadLetter(eventId);
        }
        logIn(staff(StaffRole.ADMIN), null);

        driver.findElement(By.cssSelector("#menu a[data-menu='event-dead-letters']")).click();
        await().until(ExpectedConditions.urlContains("/admin/event-dead-letters"));
        new Select(driver.findElement(By.id("consumer"))).selectByValue("task-progress");
        await().until(ExpectedConditions.urlContains("consumer=task-progress"));
        By row = By.cssSelector("tr[data-event-dead-letter='task-progress:" + eventId + "']");
        await().until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(driver.findElement(row).getText()).contains("LotteryJoined", "lottery " + lotteryId, "injected fault");
        browser.screenshot("event-dead-letters");

        driver.findElement(row).findElement(By.linkText("Inspect")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("payload")));
        assertThat(driver.findElement(By.id("payload")).getText()).contains("\"userId\" : " + userId);
        assertThat(driver.findElement(By.id("last-error")).getText()).contains("<b>task progress refused</b>");
        assertThat(script("return document.querySelectorAll('#detail b').length")).as("markup stays text").isEqualTo(0L);
        browser.screenshot("event-dead-letter");
        driver.navigate().back();

        await().until(ExpectedConditions.presenceOfElementLocated(row));
        driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='Retry']")).click();
        await().until(ExpectedConditions.numberOfElementsToBe(row, 0));
        assertThat(driver.findElement(By.id("retried")).getText()).isEqualTo("1 put back for their consumer to run again.");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> jdbc.queryForObject("SELECT done_time IS NOT NULL"
                + " FROM event_delivery WHERE subscription = 'task-progress' AND event_id = ?", Boolean.class, eventId));
        assertThat(jdbc.queryForObject("SELECT is_participated_lottery FROM task_progress WHERE user_id = ?", Integer.class,
                userId)).as("the consumer's work done").isEqualTo(1);
    }

    @Test
    void anExpiredSessionDuringAnHtmxActionLandsOnTheLoginPage() {
        logIn(staff(StaffRole.CAMPAIGN_MANAGER), null);
        open("/admin/lotteries");

        driver.manage().deleteCookieNamed("JSESSIONID");
        type("q", "anything");

        await().until(ExpectedConditions.urlContains("/admin/login?expired"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Your session ended. Please log in again.");
        assertThat(driver.findElements(By.className("sidebar"))).isEmpty();
    }

    @Test
    void theOtherPagesLookTidyInBothLanguages() {
        long userId = userIdOf(newUserToken());
        logIn(staff(StaffRole.ADMIN), null);
        for (String page : new String[] {"users/" + userId, "audit", "staff", "moderation/words", "sponsors", "settings",
                "reconciliation", "dead-letters?open=false", "reports"}) {
            open("/admin/" + page);
            assertThat(driver.findElements(By.className("sidebar"))).hasSize(1);
            browser.screenshot(page.replaceAll("/\\d+", "-detail").replaceAll("\\?.*", "").replace('/', '-'));
        }
        open("/admin?lang=zh");
        await().until(d -> "true".equals(d.findElement(By.id("trend-chart")).getAttribute("data-rendered")));
        assertThat(driver.findElement(By.id("menu")).getText()).contains("抽奖活动", "晒单审核");
        browser.screenshot("dashboard-zh");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void logIn(String username, String screenshot) {
        open("/admin/login");
        type("username", username);
        type("password", PASSWORD);
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        driver.findElement(By.id("login")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("me")));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Date-time inputs take their value from script more reliably than from typed keys. */
    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    private WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private boolean listed(long id, boolean featured) {
        JsonNode list = api.post("/lottery/v1/lottery/lotteryList", "{\"lastId\":" + (id + 1) + ",\"pageSize\":1,\"isSelected\":"
                + (featured ? 1 : 0) + "}").data().path("list");
        return list.size() == 1 && list.get(0).path("id").asLong() == id;
    }
}
