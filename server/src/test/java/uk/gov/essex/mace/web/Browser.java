package uk.gov.essex.mace.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.gov.essex.mace.support.DemoTokens;

/**
 * One headless Debian chromium driven by Selenium, with a fresh profile, recording every WebSocket
 * frame it receives through the Chrome DevTools Protocol ({@code Network.webSocketFrameReceived}),
 * so a test can prove what reached the browser, not only what it shows.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final DevTools devTools;
    private final Path profile;
    private final String base;
    private final List<String> framesReceived = new CopyOnWriteArrayList<>();

    private Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("mace-chromium-");
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Browsers.chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browsers.chromium().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        this.driver = new ChromeDriver(service, options);
        this.devTools = driver.getDevTools();
        devTools.createSession();
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        devTools.addListener(Network.webSocketFrameReceived(), e -> framesReceived.add(e.getResponse().getPayloadData()));
    }

    /** A fresh browser on the hub at {@code base} (use http://127.0.0.1:port). */
    static Browser open(String base) throws IOException {
        return new Browser(base);
    }

    /** Opens {@code path}; signs in through the hub's login form when it asks. */
    Browser signIn(String username, String path) {
        driver.get(base + path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(DemoTokens.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(path.split("\\?")[0]));
        return this;
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement await(String css) {
        return await(css, Duration.ofSeconds(10));
    }

    WebElement await(String css, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void awaitText(String css, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The whole DOM as the page now has it (not the HTML first served). */
    String dom() {
        return (String) script("return document.documentElement.outerHTML");
    }

    /** Everything in localStorage and sessionStorage. */
    String storage() {
        return (String) script("return JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({}, sessionStorage))");
    }

    /** Payloads of every WebSocket frame the browser has received so far. */
    List<String> framesReceived() {
        return List.copyOf(framesReceived);
    }

    ChromeDriver driver() {
        return driver;
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        try {
            devTools.close();
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
