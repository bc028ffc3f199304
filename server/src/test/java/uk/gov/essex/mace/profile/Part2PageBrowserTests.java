package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The Part 2 page in a real browser (Debian's chromium and chromium-driver, headless): an analyst
 * signs in through the hub's login form, the page gets its own token by authorization code with
 * PKCE and draws the profile; a screenshot of the charts is saved under
 * {@code target/screenshots/}. Skipped where chromium is not installed.
 */
class Part2PageBrowserTests extends HubIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver browser;
    private Path profileDir;

    @BeforeEach
    void openBrowser() throws IOException {
        Optional<Path> driver = onPath("chromedriver");
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
        assumeTrue(driver.isPresent() && chromium.isPresent(), "chromium and chromium-driver are not installed");
        profileDir = Files.createTempDirectory("part2-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,3400", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** The page is served on the loopback IP: the part2-web client's redirect URI is 127.0.0.1 on any port. */
    private String page(String query) {
        return "http://127.0.0.1:" + port + "/part2/index.html" + query;
    }

    private void signIn(String username) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoTokens.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String waitForStatus() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        wait.until(d -> {
            var status = d.findElements(By.id("status"));
            return !status.isEmpty() && List.of("ready", "error").contains(status.get(0).getAttribute("data-state"));
        });
        return browser.findElement(By.id("status")).getAttribute("data-state");
    }

    @Test
    void whenAnalystOpensThePageThenChartsHotspotsAndNoIdentity() throws IOException {
        LocalDate to = LocalDate.now();
        LocalDate from = to.withDayOfMonth(1).minusMonths(2);
        String canary = seed(from, to);

        browser.get(page("?quadrant=NORTH&from=" + from + "&to=" + to));
        signIn("analyst.north");

        assertThat(waitForStatus()).as(browser.findElement(By.id("status")).getText()).isEqualTo("ready");
        assertThat(browser.getCurrentUrl()).doesNotContain("code=").contains("quadrant=NORTH");
        assertThat(browser.findElements(By.cssSelector("#profile svg"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(browser.findElements(By.cssSelector("#missing-trend path.line-current"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#disruptions-by-type rect.bar"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#headline .card"))).hasSize(6);
        assertThat(browser.findElement(By.id("hotspots")).getText()).contains("Seafront Arcade");
        assertThat(browser.findElement(By.id("who")).getText()).contains("analyst.north", "ANALYST");
        assertThat(browser.getPageSource()).doesNotContain(canary);

        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path saved = SCREENSHOTS.resolve("part2-analyst-north.png");
        Files.copy(shot.toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(saved)).isGreaterThan(20_000);
    }

    @Test
    void whenSomeoneWithoutTheRoleOpensThePageThenTheyAreToldNo() {
        browser.get(page("?quadrant=NORTH"));
        signIn("police.north");

        assertThat(waitForStatus()).isEqualTo("error");
        assertThat(browser.findElement(By.id("status")).getText()).contains("not-a-profile-reader");
        assertThat(browser.findElement(By.id("profile")).isDisplayed()).isFalse();
    }

    /**
     * North records in the period (the last three calendar months, to today) and in the three before
     * it, enough for every chart to show something; returns a canary child name used.
     */
    private String seed(LocalDate from, LocalDate to) {
        Part2Scenario s = new Part2Scenario(api, tokens, UUID.randomUUID().toString().substring(0, 8));
        String[] found = {"Seafront Arcade, CO15 1AA", "Colchester bus station", null};
        long days = ChronoUnit.DAYS.between(from, to);
        for (int i = 0; i < 11; i++) {
            String caseId = s.openCase("police.north", i % 2 == 0 ? "Colchester" : "Tendring", i < 6 ? "CCE" : "CSE");
            s.assess("police.north", caseId, "HIGH", LocalDate.now());
            for (int month = 0; month < 3; month++) {
                LocalDate day = from.plusMonths(month).plusDays(i);
                if (day.isBefore(to)) {
                    s.episode(caseId, at(day), found[(i + month) % 3]);
                }
            }
            s.episode(caseId, at(from.minusMonths(2).plusDays(i)), null);
            s.episode(caseId, at(from.minusMonths(1).plusDays(i + 3)), null);
            s.indicator(caseId, "MULTIPLE_PHONES_OR_SIMS", from.plusDays(i * days / 11));
            s.indicator(caseId, i % 2 == 0 ? "HOTEL_OR_UNKNOWN_KEYS" : "UNEXPLAINED_MONEY_OR_GIFTS", from.plusDays(i * 3L));
            s.indicator(caseId, "MULTIPLE_PHONES_OR_SIMS", from.minusMonths(1).plusDays(i));
            s.intel(caseId, "all-members", at(from.plusDays(i * days / 11)), "Seafront Arcade", "CO15 1AA", "Tendring");
            s.intel(caseId, "all-members", at(from.plusDays(3 + i * (days - 4) / 11)), "Harbour Hotel", "CO2 8AA", "Colchester");
        }
        for (int i = 0; i < 16; i++) {
            boolean hotel = i >= 6 && i < 11;
            String type = i < 6 ? "PARTNERSHIP_PATROL" : hotel ? "HOTEL_OR_PREMISES_CHECK" : i < 14 ? "LICENSING_INSPECTION"
                    : "TAXI_LICENSING_ACTION";
            s.disruption(i % 2 == 0 ? "council.north" : "csp.north", type, "all-members",
                    from.plusDays((i * 7L) % days).toString(), hotel ? "Harbour Hotel" : "Seafront Arcade",
                    hotel ? "CO2 8AA" : "CO15 1AA", hotel ? "Colchester" : "Tendring");
        }
        for (int i = 0; i < 6; i++) {
            s.disruption("council.north", "PARTNERSHIP_PATROL", "all-members", from.minusMonths(2).plusDays(i * 9L).toString(),
                    "Seafront Arcade", "CO15 1AA", "Tendring");
        }
        return s.identities.get(0);
    }

    private static String at(LocalDate day) {
        return day.atTime(21, 0).atZone(ProfilePeriod.LONDON).toInstant().toString();
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
