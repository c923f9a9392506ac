package dev.multisession.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): it opens with the admin token, shows a terminal come online and an
 * edit the terminal makes, live, without a reload. Skipped, saying why, where those binaries
 * are missing; {@code .ci/run} installs them and fails on a skip.
 */
@Tag(BrowserTestCount.TAG)
class AdminPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the run leaves its screenshot (docs/admin-page.png is a copy of one). */
    static final Path SCREENSHOT = Path.of("target", "admin-page.png");

    @TempDir
    Path dir;
    private OperatorNode node;
    private WebDriver browser;

    @BeforeEach
    void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.out.println("AdminPageBrowserTest skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing"
                    + " (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "needs " + CHROMIUM + " and " + CHROMEDRIVER);
        node = new OperatorNode(dir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: the build may run as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void thePageShowsATerminalComeOnlineAndItsEditLive() throws Exception {
        String token = node.tokens.issue("bistro", "bar");
        browser.get("http://127.0.0.1:" + node.operators.port() + "/admin/#token=" + OperatorNode.ADMIN_TOKEN);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-terminal]")).isEmpty(), "no terminal yet");
        assertEquals("", browser.getCurrentUrl().contains("#") ? "token left in the address" : "",
                "the token is taken out of the address");

        try (ProtocolTerminal bar = new ProtocolTerminal(node.server.loopbackUri(), token)) {
            bar.hello("bistro", "bar", "anna");
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("section[data-session='bistro'] tr[data-terminal='bar'] td.online")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-terminal='bar']"), "anna"));

            assertTrue(bar.set(1, 1, "O-17", "table", "T7").contains("\"ack\""));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-order='O-17'] pre.data"), "T7"));
            // who created the order; the page is redrawn on every change, so each check waits
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-order='O-17']"), "bar · anna"));

            assertTrue(bar.set(2, 1, "O-17", "note", "window seat").contains("\"ack\""));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-order='O-17'] pre.data"), "window seat"));
            assertTrue(bar.set(3, 9, "O-17", "note", "from an old day").contains("stale_run"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("section[data-session='bistro'] table.incidents"), "stale_run"));

            Files.createDirectories(SCREENSHOT.getParent());
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-terminal='bar'] td.offline")));
    }
}
