package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A service manager sets up a calendar in the browser, from the empty form to its week grid, with the
 * API's violations shown next to the fields they name, and previews business time with the same
 * arithmetic as {@code /api/v1/business-time/add}; a technician reads calendars but cannot write one.
 */
class CalendarPagesTest extends CatalogBrowser {

    @Test
    void aManagerCreatesACalendarAndAddsBusinessTime() {
        String manager = createUser("MANAGER");
        signIn(manager, "en");
        opened.submit(By.linkText("Calendars"));
        assertThat(text("h1")).isEqualTo("Calendars");
        assertAccessible();

        opened.submit(By.id("new-calendar"));
        assertThat(text("h1")).isEqualTo("New calendar");
        String name = unique("Paris office");
        type("name", name);
        type("zone", "Europe/Paris");
        type("hours.mon", "25:00-12:30, 13:30-18:00");
        type("holidaySets", "FR");
        type("holidays", "2026-12-26\n2026-13-01");
        type("overrides", "2026-12-24 08:30-12:00\n2026-12-31");
        opened.submit(By.id("save-calendar"));

        assertThat(text(".form-errors")).contains("each problem is shown next to its field");
        assertThat(errorsOf("hours.mon")).contains("hours.mon[0][0]");
        assertThat(errorsOf("holidays")).contains("holidays[1]");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
        assertAccessible();
        screenshot("calendar-form-errors");

        type("hours.mon", "08:30-12:30, 13:30-18:00");
        type("holidays", "2026-12-26");
        opened.submit(By.id("save-calendar"));

        assertThat(text("h1")).isEqualTo(name);
        assertThat(text("#week tr[data-day=mon] .ranges")).isEqualTo("08:30–12:30, 13:30–18:00");
        assertThat(text("#week tr[data-day=sat] .ranges")).isEqualTo("Closed");
        assertThat(browser.findElements(By.cssSelector("#week tr[data-day=mon] .slot.open")))
                .hasSize(7);
        assertThat(browser.findElements(By.cssSelector("#week tr[data-day=mon] .slot.part")))
                .hasSize(3);
        assertThat(text(".holiday-set[data-set=FR]")).contains("July 14");
        assertThat(text("#holidays")).contains("December 26, 2026");
        assertThat(text("#overrides")).contains("08:30–12:00").contains("Closed");

        // Friday 17:00 in Paris + 4 h: an hour on Friday, three on Monday from 08:30 (summer time by then).
        type("start", "2026-03-27T16:00:00Z");
        type("duration", "PT4H");
        opened.submit(By.id("add-business-time"));
        assertThat(text("#preview-result")).contains("2026-03-30T09:30:00Z");
        String id = browser.getCurrentUrl().replaceAll(".*/calendars/([0-9a-f-]+).*", "$1");
        var api = api().post("/api/v1/business-time/add", """
                {"calendar": {"id": "%s"}, "start": "2026-03-27T16:00:00Z", "duration": "PT4H"}""".formatted(id));
        assertThat(api.json().get("end").asText()).isEqualTo("2026-03-30T09:30:00Z");
        assertAccessible();
        screenshot("calendar");

        type("duration", "four hours");
        opened.submit(By.id("add-business-time"));
        assertThat(errorsOf("duration")).contains("ISO-8601 duration");

        opened.submit(By.id("edit-calendar"));
        assertThat(browser.findElement(By.id("hours.mon")).getAttribute("value"))
                .isEqualTo("08:30-12:30, 13:30-18:00");
        type("hours.sat", "09:00-12:00");
        opened.submit(By.id("save-calendar"));
        assertThat(text("#week tr[data-day=sat] .ranges")).isEqualTo("09:00–12:00");
        var stored = api().get("/api/v1/calendars/" + id).json();
        assertThat(stored.get("hours").get("sat").toString()).isEqualTo("[[\"09:00\",\"12:00\"]]");

        open("/calendars");
        assertThat(text("#calendars")).contains(name);
    }

    @Test
    void unResponsableCreeUnCalendrierEnFrancais() {
        String manager = createUser("MANAGER");
        signIn(manager, "fr");
        opened.submit(By.linkText("Calendriers"));
        assertThat(text("h1")).isEqualTo("Calendriers");
        opened.submit(By.id("new-calendar"));
        assertThat(text("label[for='hours.mon']")).isEqualTo("Lundi");
        type("name", "");
        type("zone", "Mars/Olympus");
        opened.submit(By.id("save-calendar"));
        assertThat(text(".form-errors")).contains("chaque problème est indiqué à côté de son champ");
        assertThat(errorsOf("name")).isNotBlank();
        assertThat(errorsOf("zone")).contains("Mars/Olympus");
        assertAccessible();

        String name = unique("Bureau de Lyon");
        forms.saveCalendar(name, "Europe/Paris");
        assertThat(text("h1")).isEqualTo(name);
        assertThat(text("#week tr[data-day=mon] .ranges")).isEqualTo("08:00–18:00");
        assertThat(text("#week tr[data-day=sun] .ranges")).isEqualTo("Fermé");
        assertThat(text("#preview-heading")).isEqualTo("Ajouter du temps ouvré");
        assertAccessible();
        screenshot("calendar-fr");
    }

    @Test
    void aTechnicianReadsCalendarsButWritesNone() {
        String technician = createUser("TECHNICIAN");
        var created = api().post("/api/v1/calendars", """
                {"name": "%s", "zone": "UTC", "hours": "24x7"}""".formatted(unique("Always")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        signIn(technician, "en");
        open("/calendars");
        assertThat(opened.findNow(By.id("new-calendar"))).isEmpty();
        open("/calendars/" + id);
        assertThat(opened.findNow(By.id("edit-calendar"))).isEmpty();
        assertThat(text("#week tr[data-day=wed] .ranges")).isEqualTo("24x7");
        type("start", "2026-03-27T16:00:00Z");
        type("duration", "PT4H");
        opened.submit(By.id("add-business-time"));
        assertThat(text("#preview-result")).contains("2026-03-27T20:00:00Z");

        assertThat(as(technician).get("/calendars/new").status()).isEqualTo(403);
        assertThat(as(technician).get("/calendars/" + id + "/edit").status()).isEqualTo(403);
        String admin = createUser("ADMIN");
        assertThat(as(admin).get("/calendars/new").status()).isEqualTo(200);
    }
}
