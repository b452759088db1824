package io.pledge.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.PageClient;
import io.pledge.support.PageClient.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sources' pages over HTTP: a service manager registers a source (its secret shown once, a bad name
 * refused next to its field) and maps its status labels (a label mapped to nothing refused on its own row);
 * a technician, who may read sources through the API but not change them, reads them and nothing more.
 */
class SourcePagesTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "manager-password-for-pages";

    @Test
    void aManagerRegistersASourceAndMapsItsStatuses() {
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        assertThat(manager.get("/sources").body()).contains("<h1>Sources</h1>", "id=\"new-source\"");
        manager.get("/sources/new");
        Page refused = manager.post("/sources/new", Map.of("name", "Bad Name", "secret", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorsOf(refused, "name")).contains("must be lower-case letters and digits");
        assertThat(refused.body()).contains("value=\"Bad Name\"");

        String name = unique("psa");
        Page registered = manager.post("/sources/new", Map.of("name", name, "secret", ""));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        Page source = manager.get("/sources/" + name);
        assertThat(source.body()).contains("Source registered.", "id=\"secret\"", "/api/v1/ingest/" + name + "/events");
        assertThat(manager.get("/sources/" + name).body()).doesNotContain("id=\"secret\"");
        assertThat(manager.get("/sources").body()).contains("data-source=\"" + name + "\"");
        Page taken = manager.post("/sources/new", Map.of("name", name, "secret", ""));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(errorsOf(taken, "name")).contains("already exists");

        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("label-0", "Waiting on Microsoft");
        rows.put("status-0", "WAITING_ON_VENDOR");
        rows.put("label-1", "Parked");
        rows.put("status-1", "");
        rows.put("label-2", "");
        rows.put("status-2", "");
        manager.get("/sources/" + name);
        Page rejected = manager.post("/sources/" + name + "/statuses", rows);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(errorsOf(rejected, "row-1")).isNotBlank();
        assertThat(rejected.body())
                .doesNotContain("id=\"row-0-errors\"")
                .contains("value=\"Parked\"", "aria-describedby=\"row-1-errors\"");
        assertThat(api().get("/api/v1/sources/" + name + "/statuses").json().size())
                .isZero();

        rows.put("status-1", "SCHEDULED");
        Page mapped = manager.post("/sources/" + name + "/statuses", rows);
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(302);
        assertThat(manager.get("/sources/" + name).body()).contains("Mapping saved.", "value=\"Waiting on Microsoft\"");
        var statuses = api().get("/api/v1/sources/" + name + "/statuses").json();
        assertThat(statuses.get("Waiting on Microsoft").asString()).isEqualTo("WAITING_ON_VENDOR");
        assertThat(statuses.get("Parked").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void aTechnicianReadsSourcesButChangesNothing() {
        String name = unique("desk");
        assertThat(api().post("/api/v1/sources", "{\"name\": \"%s\"}".formatted(name))
                        .status())
                .isEqualTo(201);
        assertThat(api().put("/api/v1/sources/" + name + "/statuses", "{\"On hold\": \"WAITING_ON_CUSTOMER\"}")
                        .status())
                .isEqualTo(200);
        PageClient technician = PageClient.signIn(port, createUser("TECHNICIAN"), PASSWORD, "fr");
        Page list = technician.get("/sources");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/sources\"").doesNotContain("id=\"new-source\"");
        Page source = technician.get("/sources/" + name);
        assertThat(source.body()).contains("On hold", "En attente du client").doesNotContain("mapping-form");
        assertThat(technician.get("/sources/new").status()).isEqualTo(403);
        assertThat(technician
                        .post("/sources/" + name + "/statuses", Map.of("label-0", "On hold", "status-0", "OPEN"))
                        .status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/sources/" + name + "/statuses")
                        .json()
                        .get("On hold")
                        .asString())
                .isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(technician.get("/imports").status()).isEqualTo(403);
    }

    static String errorsOf(Page page, String field) {
        String marker = "id=\"" + field + "-errors\"";
        int at = page.body().indexOf(marker);
        assertThat(at).as("errors shown under " + field + " in " + page.body()).isPositive();
        return page.body().substring(at, page.body().indexOf("</ul>", at));
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
