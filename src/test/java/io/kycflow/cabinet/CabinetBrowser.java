package io.kycflow.cabinet;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.kycflow.remote.web.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Cabinet member's browser (Debian's Chromium) with the steps every Cabinet browser test takes: accept an
 * invitation, sign in and out through the forms, follow the navigation, fill and submit forms. {@link #check} takes
 * a screenshot and runs axe-core, adding serious/critical violations to a list the test asserts empty at the end (so
 * one run shows them all).
 */
final class CabinetBrowser implements AutoCloseable {

    private final Chromium chromium;
    private final int port;
    private final List<String> violations;

    CabinetBrowser(int port, Chromium.Size size, String folder, List<String> violations) {
        this.chromium = new Chromium(size, Chromium.Camera.NONE, null, folder);
        this.port = port;
        this.violations = violations;
    }

    Chromium chromium() {
        return chromium;
    }

    WebDriver driver() {
        return chromium.driver();
    }

    /** Opens a path of this server (or the path of an absolute link another server name was put in). */
    void go(String pathOrLink) {
        var uri = URI.create(pathOrLink);
        chromium.open("http://localhost:" + port + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** Follows a navigation link and waits for its page (whose title starts with the link's text). */
    void follow(String link) {
        driver().findElement(By.linkText(link)).click();
        until(ExpectedConditions.titleContains(link));
    }

    void type(String id, String text) {
        driver().findElement(By.id(id)).sendKeys(text);
    }

    /** The value of a field that appears once the page is there (a revealed key, an invitation link). */
    String valueOf(String id) {
        return until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getAttribute("value");
    }

    String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText();
    }

    void submit(String buttonCss) {
        var button = driver().findElement(By.cssSelector(buttonCss));
        chromium.js("arguments[0].scrollIntoView({block: 'center'})", button); // a sticky header must not take the click
        button.click();
    }

    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), Duration.ofSeconds(20)).until(condition);
    }

    /** Screenshot and axe-core; violations are collected, not thrown, so the walk goes on and reports them all. */
    void check(String name) {
        chromium.screenshot(name);
        chromium.axe().forEach(v -> violations.add(name + " (" + chromium.url() + "): " + v));
    }

    /** Opens an invitation link (photographed as {@code shot}), sets the password; the new member lands on the overview. */
    void acceptInvitation(String link, String password, String shot) {
        go(link);
        check(shot);
        type("password", password);
        type("confirmation", password);
        submit("main button[type=submit]");
        until(ExpectedConditions.urlMatches("/cabinet/$"));
    }

    /** Signs in through the form (photographed); {@code toOverview} false when a second step follows. */
    void signIn(String email, String password, boolean toOverview) {
        check("login");
        type("username", email);
        type("password", password);
        submit("main button[type=submit]");
        if (toOverview) {
            until(ExpectedConditions.urlMatches("/cabinet/$"));
            assertThat(text("h1")).isEqualTo("Overview");
        }
    }

    void signOut() {
        driver().findElement(By.xpath("//button[text()='Sign out']")).click();
        until(ExpectedConditions.urlContains("/cabinet/login?logout"));
    }

    @Override
    public void close() {
        chromium.close();
    }
}
