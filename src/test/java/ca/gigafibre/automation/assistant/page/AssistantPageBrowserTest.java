package ca.gigafibre.automation.assistant.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockserver.model.JsonBody;
import org.mockserver.verify.VerificationTimes;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The assistant's page end to end in headless Chromium (Debian's {@code chromium} and {@code chromedriver}: nothing is
 * downloaded): ops log in on the page (the webapps' login, Tasklist's session), pick a customer, and the page shows the
 * proposal of a sentence with its summary and systems, confirms it and shows the result — the reboot reached GenieACS —
 * and answers a question. Runs in {@code mvn verify}; without Chromium it fails and says what to install.
 */
@Tag("browser")
class AssistantPageBrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ChromeDriverService service;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    TestCustomers customers;

    private String customer;
    private String lastName;

    @BeforeAll
    static void chromium() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The browser test needs Debian's Chromium and its driver: apt-get install chromium chromium-driver "
                        + "(.ci/run installs them; skip with -DexcludedGroups=bench,browser)");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=fr-CA",
                "--window-size=1400,1000");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @BeforeEach
    void aCustomerWithAModemAndABalance() {
        fakes.reset();
        lastName = "Chromium" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        customer = customers.create(lastName, false, false, false);
        String ont = customers.installOnt(customer, fakes);
        fakes.preloadCpe(ont, "3C:52:C1:00:00:" + String.format("%02X", Math.abs(lastName.hashCode()) % 256), 2);
        customers.overdueInvoice(customer, new BigDecimal("183.83"), 10);
        browser.manage().deleteAllCookies();
    }

    @Test
    void opsProposeARebootConfirmItAndTheModemReboots() {
        logInAsOps();
        pickTheCustomer();

        ask("redémarre le modem");

        WebElement proposal = card("proposed");
        assertThat(proposal.getDomAttribute("data-intent")).isEqualTo("reboot");
        assertThat(proposal.findElement(By.id("summary")).getText()).isNotBlank();
        assertThat(proposal.findElements(By.cssSelector("#calls li"))).extracting(WebElement::getText).contains("GenieACS");
        fakes.server().verify(request().withMethod("POST").withPath("/genieacs/devices/.*/tasks"), VerificationTimes.never());

        browser.findElement(By.id("confirm")).click();

        waitFor(By.cssSelector("#result .done"));
        fakes.server().verify(request().withMethod("POST").withPath("/genieacs/devices/.*/tasks")
                .withBody(JsonBody.json("{\"name\":\"reboot\"}")), VerificationTimes.once());
        assertThat(browser.findElement(By.id("confirm")).isEnabled()).as("confirmed once, the button is spent").isFalse();
        keepScreenshot("assistant-page.png");
    }

    @Test
    void aQuestionIsAnsweredInQuebecFrench() {
        logInAsOps();
        pickTheCustomer();

        ask("quel est le solde ?");

        WebElement answer = card("answered");
        assertThat(answer.getDomAttribute("data-intent")).isEqualTo("balance");
        assertThat(answer.getText().replace('\u00a0', ' ')).contains("183,83 $");   // Quebec French: comma, then the sign
        assertThat(browser.findElements(By.id("confirm"))).as("a read has nothing to confirm").isEmpty();
    }

    /** What the page looked like, for a person to check (target/). */
    private static void keepScreenshot(String name) {
        try {
            Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                    Path.of("target", name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void logInAsOps() {
        browser.get("http://localhost:" + port + "/assistant");
        waitFor(By.id("login-user")).sendKeys("ops");
        browser.findElement(By.id("login-password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "ops"));
    }

    private void pickTheCustomer() {
        waitFor(By.id("customer-search")).sendKeys(lastName);
        waitFor(By.cssSelector("#customer-results li[data-id='" + customer + "']")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer360"), lastName));
        assertThat(browser.getCurrentUrl()).endsWith("/assistant?customer=" + customer);
    }

    private void ask(String sentence) {
        browser.findElement(By.id("command-text")).sendKeys(sentence);
        browser.findElement(By.id("command-send")).click();
    }

    /** The assistant's answer of that status; else what the page shows instead. */
    private WebElement card(String status) {
        try {
            return waitFor(By.cssSelector("#answer .card[data-status='" + status + "']"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No '" + status + "' answer; the page shows: " + browser.findElement(By.id("answer")).getText(), e);
        }
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(what));
    }
}
