package io.missive.devstack.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.devstack.DemoDirectory;
import io.missive.devstack.Stack;
import io.missive.devstack.StackConfig;
import io.missive.devstack.StackHttp;
import io.missive.simulators.spothit.SpotHitSimulatorConfig.ReceiptPlan;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as staff meet it: Debian's headless Chromium (through its chromium-driver, nothing
 * downloaded) against the whole local stack (the console, the five services, Kafka, PostgreSQL and the
 * provider simulators). Screenshots go to {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIntegrationTest {

    private static final int PARENTS = 60;
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static Stack stack;
    private static StackHttp client;
    private static WebDriver browser;
    private static String console;
    private static String campaignId;
    private static List<String> previewedBodies;
    private static long previewedRecipients;

    @BeforeAll
    static void startTheStackAndABrowser() throws IOException {
        var root = Path.of("..").toAbsolutePath().normalize();
        var config = StackConfig.ephemeral(root, root.resolve("devstack/target/console-browser"));
        // Generous: on a shared, loaded machine six JVMs take minutes to start.
        stack = Stack.start(config, Duration.ofMinutes(10));
        stack.simulators().spotHit().receipts(ReceiptPlan.allDelivered(stack.spotHitCallbackUrl("/spot_hit/status")));
        client = new StackHttp(stack);
        var generated = DemoDirectory.generate(PARENTS);
        generated.importInto(stack);
        generated.publish(stack.infrastructure().kafkaBootstrapServers(), config.topicPrefix());
        console = stack.url("console");
        Files.createDirectories(SCREENSHOTS);

        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(executable("chromedriver"))).build();
        var options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=fr-FR",
                "--window-size=1400,1100");
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1100));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopIt() {
        if (browser != null) {
            browser.quit();
        }
        if (client != null) {
            client.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedAndTheRightOneSignsIn() {
        signIn(stack.access().adminEmail(), "not the password");
        assertThat(waitFor(By.id("login-error")).getText()).contains("incorrect");
        assertThat(browser.getCurrentUrl()).contains("/login");

        signIn(stack.access().adminEmail(), stack.access().adminPassword());
        waitFor(By.id("campaign-rows"));
        assertThat(browser.getCurrentUrl()).endsWith("/campagnes");
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo(stack.access().adminEmail());
    }

    @Test
    @Order(2)
    void composeShowsALivePreviewThatMatchesWhatIsThenSent() {
        browser.get(console + "/composer");
        // Recipients through the pickers: by id, from the keyboard alone (Tab from the search to the first result, Enter)...
        pickByKeyboard("parent", "2", "parent.2");
        // ... by name, case and accents aside (demo parents 1, 2, 18, 41 and 45 are called Maël), then by id with the mouse.
        new Select(waitFor(By.id("pick-kind"))).selectByValue("parent");
        type(By.id("pick-q"), "MAEL");
        var maels = result("parent.1");
        assertThat(browser.findElements(By.cssSelector(".pick-results .pick strong"))).hasSize(5)
                .allSatisfy(name -> assertThat(name.getText()).isEqualTo("Maël"));
        maels.click();
        chip("parent.1");
        pick("parent", "5", "parent.5");
        // A parent the directory does not know cannot be picked: typed in the advanced field, as before.
        browser.findElement(By.cssSelector("details.advanced summary")).click();
        type(By.id("recipients"), "parent.100\nparent.nobody");
        assertThat(browser.findElements(By.cssSelector("#chips .chip code")).stream().map(WebElement::getText).toList())
                .containsExactly("parent.2", "parent.1", "parent.5");
        assertThat(browser.findElements(By.cssSelector("#chips .chip .chip-name"))).allSatisfy(name -> assertThat(name.getText()).isNotBlank());
        type(By.id("message"), "Bonjour {PRENOM_ENFANT} ! Rendez-vous demain à l’atelier.");
        wait(Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("preview-dropped"), "2"));
        previewedRecipients = Long.parseLong(browser.findElement(By.id("preview-recipients")).getText());
        assertThat(previewedRecipients).as("parents 1, 2 and 5; 100 has an invalid phone (and a stopped group), nobody is unknown").isEqualTo(3);
        assertThat(browser.findElement(By.id("preview-dropped")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("apercu")).getText()).contains("Parent inconnu").contains("Garde : rien à signaler");
        previewedBodies = browser.findElements(By.cssSelector(".sample .body")).stream().map(WebElement::getText).toList();
        assertThat(previewedBodies).hasSize(3).allSatisfy(body -> assertThat(body).startsWith("Bonjour ").doesNotContain("{"));
        // ’ is not in GSM-7: the preview says which character forced UCS-2.
        assertThat(browser.findElement(By.id("apercu")).getText()).contains("UCS-2 à cause du caractère « ’ »");
        // What the screenshot shows: a search by name, its results with the children that tell namesakes apart.
        type(By.id("pick-q"), "maël");
        result("parent.45");
        screenshot("compose");

        browser.findElement(By.id("program")).click();
        assertThat(waitFor(By.id("confirm-summary")).getText()).startsWith("3 message(s) partiront le");
        browser.findElement(By.id("confirm-program")).click();
        waitFor(By.id("program-state"));
        campaignId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(stack.simulators().spotHit().acceptedMessages().stream()
                .filter(m -> m.campaignId() != null).map(m -> m.text()).toList()).containsAll(previewedBodies));
    }

    @Test
    @Order(3)
    void theCampaignPageFollowsTheCampaignUntilEveryMessageIsDelivered() {
        browser.get(console + "/campagnes/" + campaignId);
        // The counts are polled (htmx) while the campaign moves: no reload here.
        wait(Duration.ofMinutes(3)).until(d -> {
            var delivered = d.findElements(By.id("delivered-rate"));
            return !delivered.isEmpty() && delivered.getFirst().getText().equals("100 %");
        });
        long delivered = Long.parseLong(browser.findElement(By.id("status-DELIVERED")).getText())
                + Long.parseLong(browser.findElement(By.id("status-READ")).getText());
        assertThat(delivered).isEqualTo(previewedRecipients);
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the drops, with their reasons").contains("Parent inconnu");
        screenshot("campaign");

        browser.get(console + "/campagnes");
        assertThat(waitFor(By.cssSelector("[data-campaign='" + campaignId + "']")).getText()).contains("100 %");
    }

    @Test
    @Order(4)
    void aFutureCampaignIsCancelledAfterConfirmation() {
        browser.get(console + "/composer");
        pick("parent", "6", "parent.6");
        pick("parent", "7", "parent.7");
        // A chip removed is a recipient less.
        pick("parent", "8", "parent.8");
        browser.findElement(By.xpath("//ul[@id='chips']/li[code[text()='parent.8']]/button")).click();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//ul[@id='chips']//code[text()='parent.8']")));
        type(By.id("message"), "Rappel : réunion des parents.");
        var later = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2);
        // A date input's typing order follows the browser's locale (headless Chromium may be en-US whatever
        // --lang says): set the value it submits, as a date picker would, then say it changed.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[2].value = '10:30';"
                        + "arguments[2].dispatchEvent(new Event('change', {bubbles: true}));",
                browser.findElement(By.id("plannedDate")), later.toString(), browser.findElement(By.id("plannedHour")));
        wait(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("apercu")).getText().contains("10:30"));
        browser.findElement(By.id("program")).click();
        waitFor(By.id("confirm-program")).click();
        waitFor(By.id("cancel")).click();
        waitFor(By.id("confirm-cancel")).click();
        assertThat(waitFor(By.id("cancelled")).getText()).contains("2 message(s) ne partiront pas");
        assertThat(browser.findElement(By.id("program-state")).getText()).isEqualTo("Annulée");
    }

    @Test
    @Order(5)
    void aReplyIsReadAsTextAndAScriptInItNeverRuns() {
        // Demo parent 1's phone, as SpotHit gives a reply's sender (the directory's 06 number).
        var local = "06%08d".formatted(10_000_000 + 1);
        reply(local, "Merci, nous serons là !");
        reply(local, XSS);
        browser.get(console + "/reponses");
        wait(Duration.ofSeconds(60)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("replies")).getText().contains(XSS);
        });
        var replies = browser.findElement(By.id("replies")).getText();
        assertThat(replies).contains("Merci, nous serons là !").contains(XSS);
        assertThat(browser.findElements(By.cssSelector("#replies img"))).as("the reply's <img> is text, not an element").isEmpty();
        assertNoDialog();
        screenshot("replies");
    }

    @Test
    @Order(6)
    void aStaffMemberIsRefusedTheAdminPages() {
        browser.get(console + "/admin/utilisateurs");
        type(By.id("new-email"), "staff@missive.test");
        type(By.id("new-password"), "staff password 2026");
        browser.findElement(By.cssSelector("form[action$='/admin/utilisateurs'] button")).click();
        assertThat(waitFor(By.cssSelector("main")).getText()).contains("staff@missive.test peut maintenant se connecter");
        browser.findElement(By.cssSelector(".signout button")).click();
        waitFor(By.id("email"));

        signIn("staff@missive.test", "staff password 2026");
        waitFor(By.id("campaign-rows"));
        assertThat(browser.findElements(By.linkText("Garde"))).as("no admin links for STAFF").isEmpty();
        for (var page : List.of("/admin/utilisateurs", "/admin/audit", "/garde")) {
            browser.get(console + page);
            assertThat(waitFor(By.id("error-status")).getText()).as(page).isEqualTo("Cette page est réservée aux administrateurs.");
        }
    }

    @Test
    @Order(7)
    void anExpiredSessionSendsBackToSignIn() {
        browser.get(console + "/campagnes");
        waitFor(By.id("campaign-rows"));
        // What the browser holds once the server forgot the session (timeout, restart): an id it no longer knows.
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.manage().addCookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF"));
        browser.get(console + "/campagnes");
        assertThat(waitFor(By.id("login-expired")).getText()).contains("session a expiré");
    }

    private static void reply(String phone, String text) {
        var url = stack.spotHitCallbackUrl("/spot_hit/response") + "&numero=" + phone + "&message="
                + URLEncoder.encode(text, StandardCharsets.UTF_8);
        assertThat(client.get(url).statusCode()).isBetween(200, 204);
    }

    private static void signIn(String email, String password) {
        browser.get(console + "/login");
        type(By.id("email"), email);
        type(By.id("password"), password);
        browser.findElement(By.id("signin")).click();
    }

    /** A recipient as staff pick one: the kind, a few letters of the name or the id, then the result (here, with the mouse). */
    private static void pick(String kind, String query, String selector) {
        new Select(waitFor(By.id("pick-kind"))).selectByValue(kind);
        type(By.id("pick-q"), query);
        result(selector).click();
        chip(selector);
    }

    /** The same from the keyboard: Tab from the search field reaches the first result, Enter adds it. */
    private static void pickByKeyboard(String kind, String query, String selector) {
        new Select(waitFor(By.id("pick-kind"))).selectByValue(kind);
        type(By.id("pick-q"), query);
        var first = result(selector);
        assertThat(browser.findElements(By.cssSelector(".pick-results .pick")).getFirst()).isEqualTo(first);
        browser.findElement(By.id("pick-q")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement()).isEqualTo(first);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        chip(selector);
    }

    private static WebElement result(String selector) {
        return wait(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[contains(@class,'pick-results')]//button[.//code[text()='" + selector + "']]")));
    }

    private static void chip(String selector) {
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ul[@id='chips']/li[contains(@class,'chip')][code[text()='" + selector + "']]")));
    }

    private static void type(By field, String text) {
        var element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }

    private static WebElement waitFor(By element) {
        return wait(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    /**
     * Polls until the condition holds. The pages swap parts of themselves while they are read (htmx polling), so an
     * element found a moment before may be gone when its text is read: that is "not yet", and the wait looks again.
     */
    private static WebDriverWait wait(Duration timeout) {
        var wait = new WebDriverWait(browser, timeout, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void assertNoDialog() {
        try {
            var alert = browser.switchTo().alert();
            throw new AssertionError("a dialog opened: " + alert.getText());
        } catch (NoAlertPresentException expected) {
            // No script from a reply ran.
        }
    }

    private static void screenshot(String name) {
        var file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String executable(String name) {
        for (var dir : List.of("/usr/bin", "/usr/lib/chromium", "/usr/local/bin")) {
            var candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is missing: apt-get install -y chromium chromium-driver (.ci/run does)");
    }
}
