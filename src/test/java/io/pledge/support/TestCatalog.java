package io.pledge.support;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of its own under a Gold-like tier (P1 15 min / 4 h, P2 1 h / 8 h) on a 24x7 UTC calendar,
 * with a contract from 2020 covering ERP and Network, created through the API.
 */
public record TestCatalog(String clientId, String slug) {

    public static TestCatalog create(Api api) {
        return create(api, "");
    }

    /** As {@link #create(Api)}, with more policy fields, e.g. {@code "warnBefore": ["PT5M"]}. */
    public static TestCatalog create(Api api, String policyFields) {
        String calendar = api.post(
                        "/api/v1/calendars", "{\"name\": \"Always\", \"zone\": \"UTC\", \"hours\": \"24x7\"}")
                .json()
                .get("id")
                .asString();
        String tier = api.post("/api/v1/tiers", """
                        {"name": "%s", "policy": {"targets": [
                          {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"},
                          {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
                          {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                          {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"}]%s}}""".formatted(
                        DatabaseIntegrationTest.unique("Gold"), policyFields.isEmpty() ? "" : ", " + policyFields))
                .json()
                .get("id")
                .asString();
        String slug = DatabaseIntegrationTest.unique("acme");
        String client = api.post(
                        "/api/v1/clients", "{\"name\": \"Acme\", \"slug\": \"%s\", \"zone\": \"UTC\"}".formatted(slug))
                .json()
                .get("id")
                .asString();
        Api.Response contract = api.post("/api/v1/clients/" + client + "/contracts", """
                {"tierId": "%s", "calendarId": "%s", "startDate": "2020-01-01", "services": ["ERP", "Network"],
                 "monthlyFee": 1000, "currency": "EUR"}""".formatted(tier, calendar));
        assertThat(contract.status()).as(contract.toString()).isEqualTo(201);
        return new TestCatalog(client, slug);
    }
}
