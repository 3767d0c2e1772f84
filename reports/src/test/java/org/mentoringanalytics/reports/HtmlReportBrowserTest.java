package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The fixture's HTML report opened in headless Chromium (Debian's chromium and chromium-driver):
 * no console errors, no request beyond the file itself, the marts' numbers in the page, tooltips
 * on the charts, and a screenshot of every chapter in target/html-screenshots for a person to look at.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static ReportOutput out;
    static Warehouse warehouse;
    static ChromeDriver browser;
    static List<LogEntry> console = new ArrayList<>();
    static List<String> requests = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed: the browser test is skipped");
        warehouse = MartFixture.write(dir.resolve("wh"));
        out = new QuarterlyReport(ReportTheme.standard()).write(new ReportRequest(warehouse, dir.resolve("reports"),
                Quarter.parse("2026-Q3"), LocalDate.of(2026, 9, 30), 5, Instant.parse("2026-10-01T06:00:00Z")));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.get(out.html().toUri().toString());
        console.addAll(browser.manage().logs().get(LogType.BROWSER).getAll());
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            String message = entry.getMessage();
            if (message.contains("\"Network.requestWillBeSent\"")) {
                java.util.regex.Matcher url = java.util.regex.Pattern.compile("\"url\":\"([^\"]*)\"").matcher(message);
                if (url.find()) {
                    requests.add(url.group(1));
                }
            }
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageLoadsWithoutConsoleErrorsAndRequestsNothingButItself() {
        assertThat(console).filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).isEmpty();
        // Chromium's own chrome:// pages aside, the only request is the report file; fonts are data URLs.
        List<String> fetched = requests.stream().filter(u -> !u.startsWith("chrome://") && !u.startsWith("data:")).toList();
        assertThat(fetched).containsOnly(out.html().toUri().toString());
        assertThat(browser.getTitle()).isEqualTo("Mentoring programs Quarterly report 2026-Q3");
    }

    @Test
    void everyChapterIsThereWithAHeadingAndIsPhotographed() throws Exception {
        List<WebElement> chapters = browser.findElements(By.cssSelector("section.chapter"));
        assertThat(chapters).extracting(c -> c.findElement(By.tagName("h2")).getText()).containsExactly("Executive summary",
                "Participation and matching", "Engagement", "Goals", "Survey outcomes", "Retention and promotion",
                "Methodology", "Data quality");
        Path shots = Files.createDirectories(Path.of("target", "html-screenshots"));
        for (WebElement chapter : chapters) {
            // A window as tall as the chapter, so its screenshot holds all of it.
            browser.manage().window().setSize(new Dimension(1280, Math.min(16_000, chapter.getRect().getHeight() + 200)));
            browser.executeScript("arguments[0].scrollIntoView(true);", chapter);
            File shot = chapter.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), shots.resolve(chapter.getAttribute("id") + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(shots.resolve(chapter.getAttribute("id") + ".png"))).isGreaterThan(5_000);
        }
        // On a phone the page fits its width: nothing but tables (which scroll in their own box) is wider.
        browser.manage().window().setSize(new Dimension(390, 844));
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("phone.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void theMartsNumbersAreInThePageAndSuppressedOnesAreNot() {
        MartReader marts = new MartReader(warehouse);
        Map<String, Object> compass = marts.read(Tables.MART_PARTICIPATION_QUARTERLY).stream()
                .filter(r -> r.get("program_id").equals("P1")).findFirst().orElseThrow();
        WebElement row = browser.findElement(By.xpath(
                "//table[caption='Participation and matching by program, 2026-Q3']//tr[th='Career Compass']"));
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText).containsExactly(
                compass.get("mentees_enrolled").toString(), compass.get("mentors_enrolled").toString(), "suppressed",
                "suppressed", "suppressed", compass.get("participants").toString(),
                Formats.percent((Double) compass.get("participation_rate")));
        Map<String, Object> engineering = marts.read(Tables.MART_RETENTION_OUTCOME).stream()
                .filter(r -> r.get("scope").equals("Engineering")).findFirst().orElseThrow();
        String summary = browser.findElement(By.id("executive-summary")).getText();
        assertThat(summary).contains("Engineering");
        String page = browser.findElement(By.tagName("body")).getText().replace('\u00A0', ' ');
        assertThat(page).contains(Formats.ratio((Double) engineering.get("hazard_ratio"),
                (Double) engineering.get("hazard_ratio_lower"), (Double) engineering.get("hazard_ratio_upper")).replace('\u00A0', ' '));
        assertThat(browser.findElements(By.cssSelector("td.suppressed"))).hasSizeGreaterThan(20)
                .allMatch(td -> td.getAttribute("textContent").strip().equals("suppressed"));
        // Nothing the PDF hides is anywhere in the page, tooltips included.
        String source = browser.getPageSource();
        assertThat(source).doesNotContain("0.44 (0.05", "66.7% vs 75.0%", "0.71 (0.37", "86.2%", "\u221266.7", "0.73 (\u22120.50");
    }

    @Test
    void chartItemsCarryTooltipsWithTheirValueIntervalAndDataRow() {
        List<String> titles = browser.findElements(By.cssSelector("svg title")).stream()
                .map(t -> t.getAttribute("textContent")).toList();
        // The forest plot: Engineering's matched difference with its interval and its row of the table.
        assertThat(titles).anyMatch(t -> t.startsWith("Mentees, Engineering: +9.1 points (95% interval 2.0 to 16.0)")
                && t.contains("verdict:"));
        // The equity chart: women's share of mentees, 20 of 33, and their row with every share.
        assertThat(titles).anyMatch(t -> t.startsWith("Mentees, Gender: woman: 60.6") && t.contains("share of employees: 50.0%"));
        // No tooltip of a suppressed group: Tiny Circle has no item in any chart.
        assertThat(titles).noneMatch(t -> t.contains("Tiny Circle"));
        assertThat(browser.findElements(By.cssSelector("figure div.chart[role=img]")))
                .allMatch(f -> !f.getAttribute("aria-label").isBlank());
    }
}
