package se.familycentre.browser

import com.deque.html.axecore.results.Results
import com.deque.html.axecore.results.Rule
import com.deque.html.axecore.selenium.AxeBuilder
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.openqa.selenium.By
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.support.ui.WebDriverWait

/**
 * Debian's Chromium, headless, driven by its own ChromeDriver (no Selenium Manager, no network):
 * one fresh profile and download folder per browser, deleted on close. Every page a spec looks at
 * can be checked with axe-core and saved as a full-page screenshot under target/screenshots.
 */
class Browser implements Closeable {

    static final File CHROMIUM = new File('/usr/bin/chromium')
    static final File CHROMEDRIVER = new File('/usr/bin/chromedriver')
    static final Path SHOTS = Path.of('target', 'screenshots')
    /** WCAG 2.1 A and AA, which lag 2018:1937 requires of Swedish public-sector services. */
    static final List<String> WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

    static boolean available() {
        CHROMIUM.canExecute() && CHROMEDRIVER.canExecute()
    }

    final ChromeDriver driver
    final String base
    final Path profile
    final Path downloads
    final String name
    private int shots

    Browser(String base, String name) {
        this.base = base
        this.name = name
        profile = Files.createTempDirectory('fc-chromium-')
        downloads = Files.createTempDirectory('fc-downloads-')
        ChromeOptions options = new ChromeOptions()
        options.setBinary(CHROMIUM)
        options.addArguments('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--disable-dev-shm-usage', "--user-data-dir=$profile".toString(), '--window-size=1366,900', '--lang=sv-SE')
        options.setExperimentalOption('prefs', ['download.default_directory'  : downloads.toString(),
                                                'download.prompt_for_download': false,
                                                'plugins.always_open_pdf_externally': true])
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build()
        driver = new ChromeDriver(service, options)
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60))
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30))
    }

    void open(String path) {
        driver.get(base + path)
    }

    String path() {
        URI.create(driver.currentUrl).with { it.rawPath + (it.rawQuery ? '?' + it.rawQuery : '') }
    }

    WebElement find(String css) {
        driver.findElement(By.cssSelector(css))
    }

    List<WebElement> all(String css) {
        driver.findElements(By.cssSelector(css))
    }

    WebElement link(String text) {
        driver.findElement(By.partialLinkText(text))
    }

    WebElement button(String text) {
        driver.findElements(By.tagName('button')).find { it.text.contains(text) }
                ?: { throw new AssertionError("no button '$text' on ${path()}: ${all('button')*.text}") }()
    }

    void fill(String id, String value) {
        WebElement e = find('#' + id)
        e.clear()
        e.sendKeys(value)
    }

    /** The page's text as a person reads it, non-breaking spaces as spaces. */
    String text() {
        find('body').text.replace('\u00a0', ' ')
    }

    String h1() {
        find('h1').text
    }

    /** Waits until the condition holds (a page that updates itself). */
    void waitUntil(int seconds, Closure<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until { condition() }
    }

    /**
     * Whether the browser's path comes to satisfy the condition within the time: a form's POST and its
     * redirect may still be under way when the click that sent it returns.
     */
    boolean reaches(Closure<Boolean> where, int seconds = 30) {
        try {
            waitUntil(seconds) { where(path()) }
            true
        } catch (org.openqa.selenium.TimeoutException ignored) {
            false
        }
    }

    /** A file the browser has downloaded, once it is complete. */
    File downloaded(String suffix, int seconds = 30) {
        File found = null
        waitUntil(seconds) {
            found = downloads.toFile().listFiles().find { it.name.endsWith(suffix) && it.length() > 0 }
            found != null
        }
        found
    }

    /** axe-core's serious and critical violations of WCAG 2.1 A/AA on the page as it is now. */
    List<String> accessibilityProblems() {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver)
        results.violations.findAll { Rule r -> r.impact in ['serious', 'critical'] }.collect { Rule r ->
            "${path()}: ${r.id} (${r.impact}) ${r.help}: " + r.nodes.collect { it.target.toString() }.take(5).join(', ')
        }
    }

    /** A full-page screenshot, numbered in the order taken: target/screenshots/<browser>-NN-<what>.png. */
    Path screenshot(String what) {
        Files.createDirectories(SHOTS)
        Map metrics = driver.executeCdpCommand('Page.getLayoutMetrics', [:])
        Map size = metrics.cssContentSize as Map
        Map shot = driver.executeCdpCommand('Page.captureScreenshot', [format: 'png', captureBeyondViewport: true,
                clip: [x: 0, y: 0, width: size.width, height: Math.min(size.height as double, 8000d), scale: 1]])
        Path file = SHOTS.resolve(String.format('%s-%02d-%s.png', name, ++shots, what))
        Files.write(file, Base64.decoder.decode(shot.data as String))
        file
    }

    @Override
    void close() {
        try {
            driver.quit()
        } finally {
            [profile, downloads].each { it.toFile().deleteDir() }
        }
    }
}
