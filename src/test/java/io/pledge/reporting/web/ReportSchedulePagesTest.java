package io.pledge.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Retries;
import io.pledge.reporting.ReportDeliveries;
import io.pledge.reporting.ReportDelivery;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.PageClient;
import io.pledge.support.PageClient.Page;
import io.pledge.support.TestCatalog;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report schedules' pages over HTTP: a service manager sets a client's schedule (the API's violations
 * next to their fields), previews a period's mail, retries a dead report delivery and resends one; a
 * technician, whom the API keeps out of schedules, is kept out of the pages.
 */
class ReportSchedulePagesTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "manager-password-for-pages";

    @Autowired
    private ReportDeliveries deliveries;

    @Autowired
    private Clock clock;

    @Test
    void aManagerSetsAClientsScheduleAndPreviewsAPeriodsMail() {
        TestCatalog client = TestCatalog.create(api());
        String contact = withReportContact(client);
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");

        Page list = manager.get("/report-schedules");
        assertThat(list.status()).isEqualTo(200);
        assertThat(row(list, "data-client=\"" + client.slug() + "\"")).contains("not scheduled");
        Page page = manager.get("/report-schedules/" + client.slug());
        assertThat(page.body()).contains(contact, "id=\"schedule-form\"");

        Page refused = manager.post("/report-schedules/" + client.slug() + "/edit", form(false, "lots"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorsOf(refused, "daysAfterClose")).contains("must be a whole number, got &quot;lots&quot;");
        refused = manager.post("/report-schedules/" + client.slug() + "/edit", form(false, "40"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorsOf(refused, "monthly")).contains("an enabled schedule sends monthly or quarterly reports");
        assertThat(errorsOf(refused, "daysAfterClose")).contains("must be between 0 and 28, got 40");
        assertThat(refused.body()).contains("value=\"40\"");

        Page saved = manager.post("/report-schedules/" + client.slug() + "/edit", form(true, "3"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(manager.get("/report-schedules/" + client.slug()).body())
                .contains("Schedule saved.", "every month, 3 days after it closes");
        var schedule = api().get("/api/v1/reports/schedules/" + client.slug()).json();
        assertThat(schedule.get("monthly").asBoolean()).isTrue();
        assertThat(schedule.get("daysAfterClose").asInt()).isEqualTo(3);
        assertThat(row(manager.get("/report-schedules"), "data-client=\"" + client.slug() + "\""))
                .contains("every month", contact);

        Page bad = manager.get("/report-schedules/" + client.slug() + "/preview?period=someday");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(errorsOf(bad, "period")).isNotBlank();
        String month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
        Page preview = manager.get("/report-schedules/" + client.slug() + "/preview?period=" + month);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview-subject\"", "id=\"preview-text\"", ".pdf (");
        assertThat(preview.body().substring(preview.body().indexOf("id=\"preview\"")))
                .contains(contact);
    }

    @Test
    void aDeadReportIsRetriedAndASentOrDeadOneResent() {
        TestCatalog client = TestCatalog.create(api());
        withReportContact(client);
        ReportDelivery dead = dead(client, "2026-09");
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        Page page = manager.get("/report-schedules/" + client.slug());
        assertThat(row(page, "data-delivery=\"" + dead.id() + "\""))
                .contains("Dead", "SMTP server refused", "retry-" + dead.id(), "resend-" + dead.id());

        Page retried = manager.post("/report-schedules/deliveries/" + dead.id() + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(302);
        assertThat(state(dead.id())).isEqualTo("PENDING");
        page = manager.get("/report-schedules/" + client.slug());
        assertThat(page.body()).contains("Report put back in line");
        assertThat(row(page, "data-delivery=\"" + dead.id() + "\"")).doesNotContain("retry-", "resend-");

        Page pending = manager.post("/report-schedules/deliveries/" + dead.id() + "/resend", Map.of());
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.body()).contains("the delivery is still pending");

        ReportDelivery other = dead(client, "2026-08");
        manager.get("/report-schedules/" + client.slug());
        Page resent = manager.post("/report-schedules/deliveries/" + other.id() + "/resend", Map.of());
        assertThat(resent.status()).isEqualTo(302);
        var august = api().get("/api/v1/reports/deliveries?client=" + client.slug() + "&period=2026-08")
                .json();
        assertThat(august.size()).isEqualTo(2);
        assertThat(august.get(0).get("edition").asInt()).isEqualTo(2);
        assertThat(august.get(0).get("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void aTechnicianIsKeptOutAsByTheApi() {
        TestCatalog client = TestCatalog.create(api());
        ReportDelivery dead = dead(client, "2026-07");
        PageClient technician = PageClient.signIn(port, createUser("TECHNICIAN"), PASSWORD, "en");
        assertThat(technician.get("/report-schedules").status()).isEqualTo(403);
        assertThat(technician.get("/report-schedules/" + client.slug()).status())
                .isEqualTo(403);
        assertThat(technician.get("/reports").body()).doesNotContain("href=\"/report-schedules\"");
        assertThat(technician
                        .post("/report-schedules/deliveries/" + dead.id() + "/retry", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(technician
                        .post("/report-schedules/" + client.slug() + "/edit", form(true, "3"))
                        .status())
                .isEqualTo(403);
        assertThat(state(dead.id())).isEqualTo("DEAD");
    }

    private String withReportContact(TestCatalog client) {
        String contact = unique("claire") + "@acme.example";
        var put = api().put(
                        "/api/v1/clients/" + client.slug(),
                        "{\"name\": \"Acme\", \"slug\": \"%s\", \"zone\": \"UTC\", \"contacts\": [{\"name\": \"Claire\", \"email\": \"%s\", \"reports\": true}]}"
                                .formatted(client.slug(), contact));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        return contact;
    }

    private ReportDelivery dead(TestCatalog client, String period) {
        ReportDelivery owed = ReportDelivery.owed(
                UUID.fromString(client.clientId()), period, 1, ReportDelivery.SCHEDULE, clock.instant());
        assertThat(deliveries.add(owed)).isTrue();
        deliveries.failed(owed.id(), Retries.MAX_ATTEMPTS, null, "SMTP server refused: 554");
        return owed;
    }

    private String state(UUID delivery) {
        return api().get("/api/v1/reports/deliveries/" + delivery)
                .json()
                .get("state")
                .asString();
    }

    private static Map<String, String> form(boolean monthly, String days) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("enabled", "true");
        if (monthly) {
            form.put("monthly", "true");
        }
        form.put("daysAfterClose", days);
        form.put("startsOn", "");
        return form;
    }

    private static String errorsOf(Page page, String field) {
        String marker = "id=\"" + field + "-errors\"";
        int at = page.body().indexOf(marker);
        assertThat(at).as("errors shown under " + field + " in " + page.body()).isPositive();
        return page.body().substring(at, page.body().indexOf("</ul>", at));
    }

    private static String row(Page page, String marker) {
        int at = page.body().indexOf(marker);
        assertThat(at).as(marker + " in " + page.body()).isPositive();
        return page.body().substring(at, page.body().indexOf("</tr>", at));
    }

    private String createUser(String role) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}".formatted(email, PASSWORD, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }
}
