package io.pledge.clients.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.PageClient;
import io.pledge.support.PageRequests;
import io.pledge.support.TestCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Renaming and deleting a tier, deleting a contract and a client from the pages, over HTTP: each deletion
 * asks first on a page of its own, a refusal of the domain service (a tier or a client still under contract)
 * is shown with its text and the API's 409, and what the page did is what the API sees; a technician
 * opens none of these pages; a deletion is audited as every page's post.
 */
class CatalogDeletionPagesTest extends PageRequests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerRenamesATierThenDeletesItOnceNoContractUsesIt() {
        String manager = createUser("MANAGER");
        TestCatalog catalog = TestCatalog.create(api());
        String contract = api().get("/api/v1/clients/" + catalog.clientId() + "/contracts")
                .json()
                .get(0)
                .get("id")
                .asString();
        String tier =
                api().get("/api/v1/contracts/" + contract).json().get("tierId").asString();

        String page = html(get(manager, "/tiers/" + tier));
        assertThat(page).contains("id=\"rename-tier\"").contains("id=\"delete-tier\"");

        var rejected = post(manager, "/tiers/" + tier + "/edit", "name", " ", "description", "");
        assertThat(rejected.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(rejected), "name")).isEqualTo("is required");

        String name = unique("Platinum");
        var renamed = post(manager, "/tiers/" + tier + "/edit", "name", name, "description", "Fastest targets");
        assertThat(renamed.getStatus()).isEqualTo(302);
        assertThat(renamed.getRedirectedUrl()).isEqualTo("/tiers/" + tier);
        var read = api().get("/api/v1/tiers/" + tier).json();
        assertThat(read.get("name").asString()).isEqualTo(name);
        assertThat(read.get("description").asString()).isEqualTo("Fastest targets");

        // Deleting asks first; the tier under contract is refused with the API's reason and status.
        String confirm = html(get(manager, "/tiers/" + tier + "/delete"));
        assertThat(element(confirm, "question")).contains(name).contains("cannot be undone");
        assertThat(tag(confirm, "cancel")).contains("href=\"/tiers/" + tier + "\"");
        var inUse = post(manager, "/tiers/" + tier + "/delete");
        assertThat(inUse.getStatus()).isEqualTo(409);
        assertThat(element(html(inUse), "refused")).contains("the tier is used by 1 contract(s)");
        assertThat(api().get("/api/v1/tiers/" + tier).status()).isEqualTo(200);

        // The contract deleted from the client's page (asked first), then the tier goes.
        String client = html(get(manager, "/clients/" + catalog.slug()));
        assertThat(client).contains("/clients/" + catalog.slug() + "/contracts/" + contract + "/delete");
        assertThat(element(
                        html(get(manager, "/clients/" + catalog.slug() + "/contracts/" + contract + "/delete")),
                        "question"))
                .contains(name)
                .contains("Acme");
        var contractGone = post(manager, "/clients/" + catalog.slug() + "/contracts/" + contract + "/delete");
        assertThat(contractGone.getStatus()).isEqualTo(302);
        assertThat(api().get("/api/v1/contracts/" + contract).status()).isEqualTo(404);

        var deleted = postForResult(manager, "/tiers/" + tier + "/delete");
        assertThat(deleted.getResponse().getStatus()).isEqualTo(302);
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/tiers");
        assertThat(element(html(getAfter(manager, deleted)), "notice")).isEqualTo("Tier " + name + " deleted.");
        assertThat(api().get("/api/v1/tiers/" + tier).status()).isEqualTo(404);
        assertThat(get(manager, "/tiers/" + tier + "/delete").getStatus()).isEqualTo(404);
    }

    @Test
    void aClientUnderContractIsNotDeletedAndOneWithoutIs() {
        String manager = createUser("MANAGER");
        TestCatalog catalog = TestCatalog.create(api());
        String page = html(get(manager, "/clients/" + catalog.slug()));
        assertThat(page).contains("id=\"delete-client\"");

        var inUse = post(manager, "/clients/" + catalog.slug() + "/delete");
        assertThat(inUse.getStatus()).isEqualTo(409);
        assertThat(element(html(inUse), "refused")).contains("the client has 1 contract(s); delete them first");

        String contract = api().get("/api/v1/clients/" + catalog.clientId() + "/contracts")
                .json()
                .get(0)
                .get("id")
                .asString();
        assertThat(api().delete("/api/v1/contracts/" + contract).status()).isEqualTo(204);
        // In French, the question and the outcome are French.
        assertThat(element(html(get(manager, "/clients/" + catalog.slug() + "/delete", "fr")), "question"))
                .startsWith("Supprimer le client Acme");
        var deleted = postForResult(manager, "/clients/" + catalog.slug() + "/delete");
        assertThat(deleted.getResponse().getStatus()).isEqualTo(302);
        assertThat(element(html(getAfter(manager, deleted)), "notice")).isEqualTo("Client Acme deleted.");
        assertThat(api().get("/api/v1/clients/" + catalog.clientId()).status()).isEqualTo(404);
    }

    @Test
    void aTechnicianNeitherRenamesNorDeletes() {
        String technician = createUser("TECHNICIAN");
        TestCatalog catalog = TestCatalog.create(api());
        String contract = api().get("/api/v1/clients/" + catalog.clientId() + "/contracts")
                .json()
                .get(0)
                .get("id")
                .asString();
        String tier =
                api().get("/api/v1/contracts/" + contract).json().get("tierId").asString();
        assertThat(html(get(technician, "/tiers/" + tier)))
                .doesNotContain("id=\"rename-tier\"")
                .doesNotContain("id=\"delete-tier\"");
        assertThat(html(get(technician, "/clients/" + catalog.slug())))
                .doesNotContain("id=\"delete-client\"")
                .doesNotContain("/delete");
        for (String path : List.of(
                "/tiers/" + tier + "/edit",
                "/tiers/" + tier + "/delete",
                "/clients/" + catalog.slug() + "/delete",
                "/clients/" + catalog.slug() + "/contracts/" + contract + "/delete")) {
            assertThat(get(technician, path).getStatus()).as(path).isEqualTo(403);
            assertThat(post(technician, path, "name", "x").getStatus()).as(path).isEqualTo(403);
        }
        String manager = createUser("MANAGER");
        assertThat(postWithoutCsrf(manager, "/tiers/" + tier + "/delete").getStatus())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/contracts/" + contract).status()).isEqualTo(200);
    }

    @Test
    void aDeletionFromThePagesIsAuditedAsAPagePost() {
        String manager = createUser("MANAGER");
        String tier = api().post("/api/v1/tiers", """
                        {"name": "%s", "policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT8H"}]}}""".formatted(unique("Bronze")))
                .json()
                .get("id")
                .asString();
        PageClient browser = PageClient.signIn(port, manager, PASSWORD, "en");
        assertThat(browser.get("/tiers/" + tier + "/delete").status()).isEqualTo(200);
        PageClient.Page deleted = browser.post("/tiers/" + tier + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(jdbc.sql("select action || ' ' || actor || ' ' || details from audit_entry"
                                + " where chain = 'pledge' and details like :path")
                        .param("path", "%;path=/tiers/" + tier + "/delete;%")
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("page.post " + manager)
                .contains("status=302;path=/tiers/" + tier + "/delete");
    }
}
