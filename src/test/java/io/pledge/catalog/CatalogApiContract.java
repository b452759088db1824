package io.pledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The catalog API over HTTP, as an integrator uses it. Run on H2 and on PostgreSQL. */
public abstract class CatalogApiContract extends DatabaseIntegrationTest {

    static final String PARIS = """
            {"name": "Paris office", "zone": "Europe/Paris",
             "hours": {"mon": [["08:30","12:30"],["13:30","18:00"]], "tue": [["08:30","18:00"]],
                       "wed": [["08:30","18:00"]], "thu": [["08:30","18:00"]], "fri": [["08:30","17:00"]]},
             "holidaySets": ["FR"],
             "holidays": ["2026-12-26"],
             "overrides": {"2026-12-24": [["08:30","12:00"]], "2026-12-31": []}}""";

    static final String ALWAYS = "{\"name\": \"Always\", \"zone\": \"UTC\", \"hours\": \"24x7\"}";

    // --- authentication ---

    @ParameterizedTest
    @MethodSource("catalogOperations")
    void everyApiCallNeedsCredentials(String method, String path) {
        Response response = Api.at(port).send(method, path, method.equals("GET") ? null : "{}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:pledge:problem:unauthorized");
        assertThat(response.raw().headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Bearer"));
    }

    static Stream<Arguments> catalogOperations() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/calendars"),
                Arguments.of("POST", "/api/v1/calendars"),
                Arguments.of("GET", "/api/v1/tiers"),
                Arguments.of("POST", "/api/v1/tiers"),
                Arguments.of("GET", "/api/v1/clients"),
                Arguments.of("POST", "/api/v1/clients"),
                Arguments.of("GET", "/api/v1/tokens"),
                Arguments.of("POST", "/api/v1/tokens"),
                Arguments.of("GET", "/api/v1/priorities"),
                Arguments.of("DELETE", "/api/v1/contracts/7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001"));
    }

    @Test
    void theBootstrapTokenAndTheAdminPasswordWork() {
        assertThat(api().get("/api/v1/calendars").status()).isEqualTo(200);
        assertThat(Api.at(port)
                        .withPassword(ADMIN_EMAIL, ADMIN_PASSWORD)
                        .get("/api/v1/calendars")
                        .status())
                .isEqualTo(200);
        assertThat(Api.at(port)
                        .withPassword(ADMIN_EMAIL, "wrong-password")
                        .get("/api/v1/calendars")
                        .status())
                .isEqualTo(401);
        assertThat(Api.at(port)
                        .withToken("plg_unknown")
                        .get("/api/v1/calendars")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        Response created = api().post("/api/v1/tokens", "{\"name\": \"%s\"}".formatted(unique("psa-sync")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String id = created.json().get("token").get("id").asString();
        assertThat(secret).startsWith("plg_");
        assertThat(created.json().get("token").get("role").asString()).isEqualTo("ADMIN");

        Api asNewToken = Api.at(port).withToken(secret);
        assertThat(asNewToken.get("/api/v1/clients").status()).isEqualTo(200);
        Response list = api().get("/api/v1/tokens");
        assertThat(list.body()).doesNotContain(secret).contains(id);

        assertThat(api().delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(asNewToken.get("/api/v1/clients").status()).isEqualTo(401);
        assertThat(api().delete("/api/v1/tokens/7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aTokenRequestIsValidated() {
        Response response = api().post("/api/v1/tokens", "{\"name\": \"\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("name", "expiresAt");
    }

    // --- calendars ---

    @Test
    void theCalendarFormatRoundTrips() {
        for (String definition : new String[] {PARIS, ALWAYS}) {
            Response created = api().post("/api/v1/calendars", definition);
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(created.header("Location")).endsWith("/api/v1/calendars/" + id);

            Response read = api().get("/api/v1/calendars/" + id);

            assertThat(read.status()).isEqualTo(200);
            assertThat(withoutMetadata(read.json())).isEqualTo(Api.tree(definition));
        }
    }

    static Stream<Arguments> invalidCalendars() {
        return Stream.of(
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": {\"tue\": [[\"08:30\",\"12:00\"],[\"11:00\",\"18:00\"]]}}",
                        "hours.tue[1]",
                        "overlaps the previous interval"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"Europe/Pari\", \"hours\": \"24x7\"}",
                        "zone",
                        "unknown zone \"Europe/Pari\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"holidaySets\": [\"XX\"]}",
                        "holidaySets[0]",
                        "unknown code \"XX\""),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"holidays\": 5}",
                        "holidays",
                        "wrong type"),
                Arguments.of(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"hours\": \"24x7\", \"holyday\": []}",
                        "holyday",
                        "unknown field"),
                Arguments.of("{\"name\": \"x\", ", "body", "malformed JSON"));
    }

    @ParameterizedTest
    @MethodSource("invalidCalendars")
    void anInvalidCalendarIsRejectedNamingTheFieldAndNothingIsStored(String body, String field, String message) {
        int before = api().get("/api/v1/calendars").json().size();

        Response response = api().post("/api/v1/calendars", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:pledge:problem:invalid-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).contains(message);
        assertThat(api().get("/api/v1/calendars").json().size()).isEqualTo(before);
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        String id = api().post("/api/v1/calendars", PARIS).json().get("id").asString();

        Response rejected = api().put("/api/v1/calendars/" + id, PARIS.replace("Europe/Paris", "Europe/Pari"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(withoutMetadata(api().get("/api/v1/calendars/" + id).json())).isEqualTo(Api.tree(PARIS));
        Response updated = api().put("/api/v1/calendars/" + id, ALWAYS);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(withoutMetadata(api().get("/api/v1/calendars/" + id).json())).isEqualTo(Api.tree(ALWAYS));
    }

    @Test
    void aCalendarIsDeletedOnlyWhenUnused() {
        String unused = api().post("/api/v1/calendars", ALWAYS).json().get("id").asString();
        String used = api().post("/api/v1/calendars", PARIS).json().get("id").asString();
        String tier = createTier(unique("Gold"), "PT4H");
        String slug = unique("acme");
        createContract(createClient(slug), tier, used, "2026-01-01", null);

        assertThat(api().delete("/api/v1/calendars/" + unused).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/calendars/" + unused).status()).isEqualTo(404);
        Response conflict = api().delete("/api/v1/calendars/" + used);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asString()).contains("contract", slug);
        assertThat(api().get("/api/v1/calendars/" + used).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrMalformedIdIsNamed() {
        assertThat(api().get("/api/v1/calendars/7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001")
                        .status())
                .isEqualTo(404);
        Response malformed = api().get("/api/v1/calendars/not-an-id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactly("id");
    }

    // --- tiers and policies ---

    @Test
    void editingAPolicyCreatesVersionTwoAndVersionOneReadsExactlyAsBefore() {
        String tier = createTier(unique("Gold"), "PT4H");
        JsonNode versionOne = api().get("/api/v1/tiers/" + tier + "/policies/1").json();

        Response revised = api().post("/api/v1/tiers/" + tier + "/policies", policy("PT2H", null));

        assertThat(revised.status()).isEqualTo(201);
        assertThat(revised.json().get("version").asInt()).isEqualTo(2);
        assertThat(revised.header("Location")).endsWith("/api/v1/tiers/" + tier + "/policies/2");
        assertThat(api().get("/api/v1/tiers/" + tier + "/policies/1").json()).isEqualTo(versionOne);
        assertThat(versionOne.get("targets").get(1).get("target").asString()).isEqualTo("PT4H");
        JsonNode versions = api().get("/api/v1/tiers/" + tier + "/policies").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0)).isEqualTo(versionOne);
        JsonNode current = api().get("/api/v1/tiers/" + tier).json().get("policy");
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.get("targets").get(1).get("target").asString()).isEqualTo("PT2H");
        assertThat(current.get("createdBy").asString()).isEqualTo("token:bootstrap");
    }

    @Test
    void aPolicyGetsItsDefaultsWrittenOut() {
        String tier = createTier(unique("Silver"), "PT8H");

        JsonNode policy = api().get("/api/v1/tiers/" + tier).json().get("policy");

        assertThat(policy.get("thresholds").toString()).isEqualTo("[0.75,0.9]");
        assertThat(policy.get("pauseStatuses").get("RESOLUTION").toString())
                .isEqualTo("[\"WAITING_ON_CUSTOMER\",\"WAITING_ON_VENDOR\"]");
        assertThat(policy.get("reopenRule").asString()).isEqualTo("RESUME");
        assertThat(policy.get("priorityChangeRule").asString()).isEqualTo("RETROACTIVE");
        assertThat(policy.get("uptimeTarget").decimalValue()).isEqualByComparingTo("99.9");
        assertThat(policy.get("creditsPer").asString()).isEqualTo("MONITOR");
        assertThat(policy.get("ticketCredits").size()).isZero();
    }

    @Test
    void aPolicyWithInvalidTicketCreditsIsRejectedNamingEachField() {
        String tier = createTier(unique("Gold"), "PT4H");

        Response response = api().post("/api/v1/tiers/" + tier + "/policies", """
                {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}],
                 "creditsPer": "TENANT",
                 "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5},
                                   {"metric": "RESOLUTION", "priority": "P1", "metBelow": 97, "creditPercent": 10},
                                   {"metric": "UPTIME", "metBelow": 0, "creditPercent": 5}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response))
                .containsExactlyInAnyOrder(
                        "creditsPer",
                        "ticketCredits[1].metBelow",
                        "ticketCredits[2].metric",
                        "ticketCredits[2].metBelow");
        assertThat(api().get("/api/v1/tiers/" + tier + "/policies").json().size())
                .isEqualTo(1);
    }

    @Test
    void aPolicyKeepsItsTicketCreditsAndWhatAvailabilityCreditsArePer() {
        String tier = createTier(unique("Gold"), "PT4H");

        Response revised = api().post("/api/v1/tiers/" + tier + "/policies", """
                {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}],
                 "credits": [{"availabilityBelow": 99.9, "creditPercent": 10}], "creditsPer": "SERVICE",
                 "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5},
                                   {"metric": "FIRST_RESPONSE", "metBelow": 90, "creditPercent": 5}]}""");

        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        JsonNode version = api().get("/api/v1/tiers/" + tier + "/policies/2").json();
        assertThat(version.get("creditsPer").asString()).isEqualTo("SERVICE");
        assertThat(version.get("ticketCredits").toString())
                .isEqualTo("[{\"metric\":\"RESOLUTION\",\"priority\":\"P1\",\"metBelow\":95,\"creditPercent\":5},"
                        + "{\"metric\":\"FIRST_RESPONSE\",\"metBelow\":90,\"creditPercent\":5}]");
    }

    @Test
    void anInvalidTierStoresNothing() {
        String name = unique("Broken");
        Response response = api().post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "4h"}],
                 "thresholds": [1.2]}}""".formatted(name));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("policy.targets[0].target", "policy.thresholds[0]");
        assertThat(api().get("/api/v1/tiers").body()).doesNotContain(name);
    }

    @Test
    void aPolicyNamingAnUnknownCalendarIsUnprocessable() {
        String tier = createTier(unique("Gold"), "PT4H");

        Response response = api().post(
                        "/api/v1/tiers/" + tier + "/policies", policy("PT2H", "7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("targets[1].calendarId");
        assertThat(api().get("/api/v1/tiers/" + tier + "/policies").json().size())
                .isEqualTo(1);
    }

    @Test
    void tierNamesAreUnique() {
        String name = unique("Gold");
        createTier(name, "PT4H");

        Response duplicate =
                api().post("/api/v1/tiers", "{\"name\": \"%s\", \"policy\": %s}".formatted(name, policy("PT4H", null)));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(fields(duplicate)).containsExactly("name");
    }

    // --- clients and contracts ---

    @Test
    void aClientIsAddressedByIdOrSlug() {
        String slug = unique("northwind");
        String id = createClient(slug);

        assertThat(api().get("/api/v1/clients/" + slug).json().get("id").asString())
                .isEqualTo(id);
        assertThat(api().get("/api/v1/clients/" + id).json().get("slug").asString())
                .isEqualTo(slug);
        Response taken = api().post("/api/v1/clients", client("Other", slug));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(fields(taken)).containsExactly("slug");
    }

    @Test
    void anInvalidClientIsRejectedNamingEachField() {
        Response response = api().post(
                        "/api/v1/clients",
                        "{\"name\": \"\", \"slug\": \"Not A Slug\", \"zone\": \"Paris\", \"contacts\": [{\"name\": \"A\", \"email\": \"nope\"}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("name", "slug", "zone", "contacts[0].email");
    }

    @Test
    void overlappingContractsAreRejected() {
        String calendar =
                api().post("/api/v1/calendars", PARIS).json().get("id").asString();
        String tier = createTier(unique("Gold"), "PT4H");
        String client = createClient(unique("acme"));
        String contract = createContract(client, tier, calendar, "2026-01-01", "2026-12-31");

        Response overlap =
                api().post("/api/v1/clients/" + client + "/contracts", contract(tier, calendar, "2026-12-01", null));

        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().get("detail").asString()).contains(contract);
        assertThat(api().get("/api/v1/clients/" + client + "/contracts").json().size())
                .isEqualTo(1);
        assertThat(api().post("/api/v1/clients/" + client + "/contracts", contract(tier, calendar, "2027-01-01", null))
                        .status())
                .isEqualTo(201);
        assertThat(api().get("/api/v1/clients/" + client + "/contract?at=2026-06-01T12:00:00Z")
                        .json()
                        .get("id")
                        .asString())
                .isEqualTo(contract);
        assertThat(api().get("/api/v1/clients/" + client + "/contract?at=2025-06-01T12:00:00Z")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aContractNamingUnknownReferencesIsUnprocessable() {
        String client = createClient(unique("acme"));

        Response response = api().post(
                        "/api/v1/clients/" + client + "/contracts",
                        contract(
                                "7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001",
                                "7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a002",
                                "2026-01-01",
                                null));

        assertThat(response.status()).isEqualTo(422);
        assertThat(fields(response)).containsExactlyInAnyOrder("tierId", "calendarId");
        assertThat(api().get("/api/v1/clients/" + client + "/contracts").json().size())
                .isZero();
    }

    @Test
    void aContractIsUpdatedAndDeleted() {
        String calendar =
                api().post("/api/v1/calendars", PARIS).json().get("id").asString();
        String tier = createTier(unique("Gold"), "PT4H");
        String client = createClient(unique("acme"));
        String contract = createContract(client, tier, calendar, "2026-01-01", "2026-12-31");

        Response updated =
                api().put("/api/v1/contracts/" + contract, contract(tier, calendar, "2026-01-01", "2027-06-30"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("endDate").asString()).isEqualTo("2027-06-30");
        assertThat(api().delete("/api/v1/contracts/" + contract).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/contracts/" + contract).status()).isEqualTo(404);
        assertThat(api().delete("/api/v1/clients/" + client).status()).isEqualTo(204);
    }

    // --- operations ---

    @Test
    void healthMetricsAndTheApiDescriptionArePublic() {
        Api anonymous = Api.at(port);
        assertThat(anonymous.get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(anonymous.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        JsonNode openApi = anonymous.get("/v3/api-docs").json();
        assertThat(openApi.get("paths").has("/api/v1/calendars")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/tiers/{id}/policies")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void priorityDisplayNamesAreListed() {
        assertThat(api().get("/api/v1/priorities").json().toString())
                .isEqualTo("[{\"code\":\"P1\",\"name\":\"Critical\"},{\"code\":\"P2\",\"name\":\"High\"},"
                        + "{\"code\":\"P3\",\"name\":\"Medium\"},{\"code\":\"P4\",\"name\":\"Low\"}]");
    }

    // --- helpers ---

    private String createTier(String name, String resolution) {
        Response created = api().post(
                        "/api/v1/tiers",
                        "{\"name\": \"%s\", \"description\": \"test tier\", \"policy\": %s}"
                                .formatted(name, policy(resolution, null)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String policy(String resolution, String resolutionCalendar) {
        String calendar = resolutionCalendar == null ? "" : ", \"calendarId\": \"" + resolutionCalendar + "\"";
        return """
                {"targets": [{"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"},
                             {"priority": "P1", "metric": "RESOLUTION", "target": "%s"%s}],
                 "uptimeTarget": 99.9, "credits": [{"availabilityBelow": 99.9, "creditPercent": 10}]}""".formatted(resolution, calendar);
    }

    private String createClient(String slug) {
        Response created = api().post("/api/v1/clients", client("Client " + slug, slug));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void theListOfClientsCarriesEachClientsOwnContactsInTheirOrder() {
        String first = unique("contacts-a");
        String second = unique("contacts-b");
        for (String slug : List.of(first, second)) {
            Response created = api().post("/api/v1/clients", """
                    {"name": "Client %s", "slug": "%s", "zone": "Europe/Paris",
                     "contacts": [{"name": "Zoé %s", "email": "z@%s.example", "reports": true},
                                  {"name": "Adam %s", "email": "a@%s.example"}]}""".formatted(slug, slug, slug, slug, slug, slug));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        api().post("/api/v1/clients", client("No contacts " + first, unique("nocontacts")));

        JsonNode listed = api().get("/api/v1/clients").json();

        for (String slug : List.of(first, second)) {
            JsonNode client = null;
            for (JsonNode each : listed) {
                if (each.get("slug").asString().equals(slug)) {
                    client = each;
                }
            }
            assertThat(client).as(slug).isNotNull();
            assertThat(client.get("contacts"))
                    .extracting(contact -> contact.get("name").asString())
                    .containsExactly("Zoé " + slug, "Adam " + slug);
            assertThat(client.get("contacts").get(0).get("reports").asBoolean()).isTrue();
        }
    }

    private static String client(String name, String slug) {
        return """
                {"name": "%s", "slug": "%s", "zone": "Europe/Paris",
                 "contacts": [{"name": "Marie Laurent", "email": "it@example.com"}]}""".formatted(name, slug);
    }

    private String createContract(String client, String tier, String calendar, String start, String end) {
        Response created = api().post("/api/v1/clients/" + client + "/contracts", contract(tier, calendar, start, end));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String contract(String tier, String calendar, String start, String end) {
        return """
                {"tierId": "%s", "calendarId": "%s", "startDate": "%s", %s
                 "services": ["Microsoft 365", "ERP"], "monthlyFee": 1500.00, "currency": "EUR"}""".formatted(tier, calendar, start, end == null ? "" : "\"endDate\": \"" + end + "\",");
    }

    private static JsonNode withoutMetadata(JsonNode calendar) {
        ObjectNode copy = (ObjectNode) calendar.deepCopy();
        copy.remove("id");
        copy.remove("createdAt");
        copy.remove("updatedAt");
        return copy;
    }

    private static java.util.List<String> fields(Response response) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
