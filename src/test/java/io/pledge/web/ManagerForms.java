package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The set-up forms a service manager fills in a signed-in browser (calendar, tier, client, contract,
 * monitor), field by field, each saved with the answer's page waited for; and what every page test
 * checks on a page: a text, axe-core's verdict. What each form is given is only what makes it valid; a
 * test that wants a rejection types its own fields first.
 */
public final class ManagerForms {

    private final Browser opened;
    private final WebDriver browser;

    public ManagerForms(Browser opened) {
        this.opened = opened;
        this.browser = opened.driver();
    }

    /** Replaces a field's text. */
    public void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses the option of a select by its value. */
    public void choose(String id, String value) {
        browser.findElement(By.cssSelector("select[id='" + id + "'] option[value='" + value + "']"))
                .click();
    }

    /** Chooses the option of a select by the text it shows. */
    public void chooseShown(String id, String text) {
        browser.findElement(By.xpath("//select[@id='" + id + "']/option[normalize-space()='" + text + "']"))
                .click();
    }

    public String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    public void assertAccessible() {
        assertThat(opened.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on " + browser.getCurrentUrl())
                .isEmpty();
    }

    /** On the calendar form: a calendar with the form's default week, saved; its page shows next. */
    public void saveCalendar(String name, String zone) {
        type("name", name);
        type("zone", zone);
        opened.submit(By.id("save-calendar"));
    }

    /**
     * On the new tier form: a tier whose only target is a P1 resolution time counted in the calendar named
     * {@code calendar}, saved; the tier's page shows next.
     */
    public void saveTier(String name, String p1Resolution, String calendar) {
        type("name", name);
        type("target.P1.RESOLUTION", p1Resolution);
        chooseShown("calendar.P1.RESOLUTION", calendar);
        opened.submit(By.id("save-policy"));
    }

    /** On the client form: a client with one contact, saved; the client's page shows next. */
    public void saveClient(String name, String slug, String zone, String contact, String email) {
        type("name", name);
        type("slug", slug);
        type("zone", zone);
        type("contacts[0].name", contact);
        type("contacts[0].email", email);
        opened.submit(By.id("save-client"));
    }

    /** On the contract form: a contract on the tier and calendar of these names, saved; the client's page shows next. */
    public void saveContract(String tier, String calendar, String services, String monthlyFee) {
        chooseShown("tierId", tier);
        chooseShown("calendarId", calendar);
        type("services", services);
        type("monthlyFee", monthlyFee);
        opened.submit(By.id("save-contract"));
    }

    /** On the monitor form: an HTTP(S) monitor of the client, saved; the monitor's page shows next. */
    public void saveHttpMonitor(String clientSlug, String name, String url, String interval) {
        choose("client", clientSlug);
        type("name", name);
        type("url", url);
        type("interval", interval);
        opened.submit(By.id("save-monitor"));
    }
}
