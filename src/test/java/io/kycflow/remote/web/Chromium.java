package io.kycflow.remote.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser of an end user: Debian's Chromium, headless, through the system chromedriver (no browser or driver is
 * ever downloaded). Each instance has its own fresh profile, so each is another device. A fake camera plays a video
 * the test writes; a "denied" browser refuses every permission prompt. Screenshots go to {@code target/screenshots/},
 * and {@link #axe} runs axe-core on the screen shown.
 */
public final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String AXE_VERSION = "4.14.1";
    static final Path AXE = Path.of("target", "axe-core", "package", "axe.min.js");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** How a browser is started. */
    public enum Camera { FAKE, DENIED, NONE }

    public record Size(String name, int width, int height, boolean mobile) {
        public static final Size PHONE = new Size("phone", 390, 844, true);
        public static final Size DESKTOP = new Size("desktop", 1280, 900, false);
    }

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    final Size size;
    private final String folder;
    private int shots;

    /**
     * Skips the calling test when Chromium is not installed here, unless the run requires browser tests (CI sets
     * {@code CI=true}; {@code -Dkycflow.browser-tests=required} does too): then a missing browser fails it.
     */
    public static void assumeInstalled() {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        boolean required = "true".equalsIgnoreCase(System.getenv("CI"))
                || "required".equalsIgnoreCase(System.getProperty("kycflow.browser-tests"));
        if (!present) {
            assertThat(required).as("browser tests are required here (CI=true) but " + BINARY + " or " + DRIVER
                    + " is missing: apt-get install -y chromium chromium-driver").isFalse();
            Assumptions.abort("Chromium is not installed (" + BINARY + ", " + DRIVER + "); browser tests skipped. "
                    + "Install with: apt-get install -y chromium chromium-driver");
        }
    }

    public Chromium(Size size, Camera camera, @Nullable Path video, String folder) {
        this.size = size;
        this.folder = folder;
        try {
            this.profile = Files.createTempDirectory("kycflow-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        var args = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                "--user-data-dir=" + profile, "--window-size=" + size.width() + "," + size.height(), "--lang=en-US"));
        switch (camera) {
            case FAKE -> {
                args.add("--use-fake-device-for-media-stream");
                args.add("--use-fake-ui-for-media-stream");
                if (video != null) {
                    args.add("--use-file-for-fake-video-capture=" + video.toAbsolutePath());
                }
            }
            case DENIED -> {
                args.add("--use-fake-device-for-media-stream");
                args.add("--deny-permission-prompts");
            }
            case NONE -> { }
        }
        options.addArguments(args);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (size.mobile()) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", size.width(), "height", size.height(), "pixelRatio", 2.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/156.0.0.0 Mobile Safari/537.36"));
        }
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Runs {@code source} in every document this browser opens, before the page's own scripts (as a WebView's host app does). */
    void onNewDocument(String source) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the screen with this id is the one shown. */
    WebElement waitFor(String screen) {
        return waitFor(screen, Duration.ofSeconds(30));
    }

    WebElement waitFor(String screen, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(js(
                    "var s = document.getElementById(arguments[0]); return !!s && !s.hidden;", screen)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("screen " + screen + " not shown within " + timeout + "; shown: " + shown()
                    + "; log: " + consoleLog(), e);
        }
        return driver.findElement(By.id(screen));
    }

    /** The ids of the screens visible now. */
    String shown() {
        return String.valueOf(js("return Array.prototype.filter.call(document.querySelectorAll('.screen'), "
                + "function (s) { return !s.hidden; }).map(function (s) { return s.id; }).join(',');"));
    }

    void click(String screen, String action) {
        waitFor(screen).findElement(By.cssSelector("[data-action='" + action + "']")).click();
    }

    /** The focused element is the screen's heading: focus moved with the screen. */
    void assertFocusOnHeading(String screen) {
        var focused = js("var a = document.activeElement; return a && a.tagName === 'H1' && a.closest('.screen').id;");
        assertThat(focused).as("focus on %s's h1", screen).isEqualTo(screen);
    }

    /** A full-page PNG under target/screenshots/{folder}/. */
    public Path screenshot(String name) {
        var height = ((Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);")).intValue();
        var width = ((Number) js("return document.documentElement.clientWidth;")).intValue();
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", Math.max(height, 1), "scale", 1);
        var params = new HashMap<String, Object>();
        params.put("format", "png");
        params.put("captureBeyondViewport", true);
        params.put("clip", clip);
        var answer = driver.executeCdpCommand("Page.captureScreenshot", params);
        var file = SCREENSHOTS.resolve(folder).resolve(String.format("%02d-%s-%s.png", ++shots, name, size.name()));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) answer.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** axe-core on the page as shown: the serious and critical violations, as "rule: target" lines. */
    public List<String> axe() {
        return axe(true);
    }

    /**
     * axe-core on the document of the current frame; {@code frames} false leaves nested frames out (a cross-origin
     * frame without axe would only hold the run up: check it by switching into it and running axe there).
     */
    public List<String> axe(boolean frames) {
        var source = axeSource();
        js(source + "\n;window.__axeLoaded = true;");
        var result = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations'], iframes: " + frames + "}).then(function (r) {"
                        + "  done(JSON.stringify(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                        + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })));"
                        + "}, function (e) { done(JSON.stringify(['axe failed: ' + e])); });");
        return List.of(JsonMapper.shared().readValue(String.valueOf(result), String[].class));
    }

    /** Screenshot, axe, focus: what every screen gets. */
    void check(String screen, String name) {
        waitFor(screen);
        assertFocusOnHeading(screen);
        screenshot(name);
        assertThat(axe()).as("axe-core serious/critical violations on %s (%s, %s)", screen, name, size.name()).isEmpty();
    }

    public String consoleLog() {
        try {
            return driver.manage().logs().get("browser").getAll().toString();
        } catch (RuntimeException e) {
            return "(no log)";
        }
    }

    static synchronized String axeSource() {
        if (!Files.exists(AXE)) {
            fetchAxe();
        }
        try {
            return Files.readString(AXE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code npm pack axe-core@AXE_VERSION} into target/axe-core (what .ci/run does before the build). */
    private static void fetchAxe() {
        var dir = AXE.getParent().getParent();
        try {
            Files.createDirectories(dir);
            var pack = new ProcessBuilder("npm", "pack", "axe-core@" + AXE_VERSION, "--pack-destination", dir.toString())
                    .redirectErrorStream(true).start();
            var output = new String(pack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pack.waitFor(120, TimeUnit.SECONDS) && pack.exitValue() == 0).as("npm pack axe-core: " + output).isTrue();
            var untar = new ProcessBuilder("tar", "-xzf", dir.resolve("axe-core-" + AXE_VERSION + ".tgz").toString(), "-C", dir.toString())
                    .redirectErrorStream(true).start();
            assertThat(untar.waitFor(60, TimeUnit.SECONDS) && untar.exitValue() == 0).as("untar axe-core").isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile.toFile());
        }
    }

    private static void deleteQuietly(File file) {
        var children = file.listFiles();
        if (children != null) {
            for (var child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
