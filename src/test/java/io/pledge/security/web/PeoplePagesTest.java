package io.pledge.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.PageRequests;
import io.pledge.support.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * The users' and tokens' pages over HTTP (administrators only, as in the API): a user created from the
 * form with the API's violations next to its fields, a token issued whose secret is shown on the next page
 * only and works, then revoked and refused.
 */
class PeoplePagesTest extends PageRequests {

    @Test
    void anAdministratorCreatesAClientContact() {
        TestCatalog catalog = TestCatalog.create(api());
        String admin = createUser("ADMIN");
        assertThat(html(get(admin, "/users"))).contains("id=\"new-user\"").contains(admin);

        var rejected =
                post(admin, "/users/new", "email", "someone", "password", "short", "role", "CLIENT", "client", "");
        assertThat(rejected.getStatus()).isEqualTo(422);
        String page = html(rejected);
        assertThat(errorsOf(page, "email")).contains("is not an email address");
        assertThat(errorsOf(page, "password")).isNotBlank();
        assertThat(errorsOf(page, "client")).contains("is required for a CLIENT user");
        assertThat(tag(page, "email")).contains("value=\"someone\"");
        assertThat(tag(page, "password")).doesNotContain("short");

        String email = unique("contact") + "@acme.example";
        var created = postForResult(
                admin, "/users/new", "email", email, "password", PASSWORD, "role", "CLIENT", "client", catalog.slug());
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        assertThat(element(html(getAfter(admin, created)), "main")).contains(email + " can now sign in.");
        String listed = row(html(get(admin, "/users")), "user", email);
        assertThat(listed).contains("Client contact", "Acme", "Active");
        assertThat(Api.at(port)
                        .withPassword(email, PASSWORD)
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(200);

        var taken = post(admin, "/users/new", "email", email, "password", PASSWORD, "role", "TECHNICIAN");
        assertThat(taken.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(taken), "email")).contains("exists already");
    }

    @Test
    void anAdministratorIssuesATokenSeesItsSecretOnceAndRevokesIt() {
        String admin = createUser("ADMIN");
        var rejected =
                post(admin, "/tokens/new", "name", "", "expiresAt", "2001-01-01T00:00:00Z", "role", "TECHNICIAN");
        assertThat(rejected.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(rejected), "name")).isEqualTo("is required");
        assertThat(errorsOf(html(rejected), "expiresAt")).contains("must be in the future");

        String name = unique("Helpdesk sync");
        var issued = postForResult(admin, "/tokens/new", "name", name, "role", "TECHNICIAN", "client", "");
        assertThat(issued.getResponse().getStatus()).isEqualTo(302);
        String once = html(getAfter(admin, issued));
        String secret = element(once, "secret-value");
        assertThat(secret).startsWith("plg_");
        assertThat(Api.at(port).withToken(secret).get("/api/v1/calendars").status())
                .isEqualTo(200);
        String again = html(get(admin, "/tokens"));
        assertThat(again).doesNotContain(secret).doesNotContain("id=\"secret\"");
        assertThat(row(again, "token", name)).contains("Technician", "Active", secret.substring(0, 10));

        String id = null;
        for (var token : api().get("/api/v1/tokens").json()) {
            if (token.get("name").asString().equals(name)) {
                id = token.get("id").asString();
            }
        }
        var revoked = post(admin, "/tokens/" + id + "/revoke");
        assertThat(revoked.getStatus()).isEqualTo(302);
        assertThat(Api.at(port).withToken(secret).get("/api/v1/calendars").status())
                .isEqualTo(401);
        assertThat(row(html(get(admin, "/tokens")), "token", name)).contains("Revoked");
    }

    @Test
    void anAdministratorChangesARoleAndUnlocksALockedUser() {
        TestCatalog catalog = TestCatalog.create(api());
        String admin = createUser("ADMIN");
        String email = createUser("TECHNICIAN");
        String id = idOf(email);

        var rejected = post(admin, "/users/" + id + "/edit", "role", "CLIENT", "client", "");
        assertThat(rejected.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(rejected), "client")).contains("is required for a CLIENT user");
        var changed = postForResult(admin, "/users/" + id + "/edit", "role", "CLIENT", "client", catalog.slug());
        assertThat(changed.getResponse().getStatus()).isEqualTo(302);
        assertThat(element(html(getAfter(admin, changed)), "main")).contains("The role of " + email + " has changed.");
        assertThat(row(html(get(admin, "/users")), "user", email)).contains("Client contact", "Acme");
        assertThat(html(get(admin, "/users/" + id + "/edit"))).containsPattern("value=\"CLIENT\"\\s+selected");

        // Five wrong passwords lock the account; the list offers to unlock it, and it signs in again.
        for (int i = 0; i < 5; i++) {
            Api.at(port).withPassword(email, "not-the-password-at-all").get("/api/v1/tickets");
        }
        assertThat(Api.at(port)
                        .withPassword(email, PASSWORD)
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(401);
        String locked = html(get(admin, "/users"));
        assertThat(row(locked, "user", email)).contains("Locked until");
        assertThat(locked).contains("id=\"unlock-" + id + "\"");
        var unlocked = postForResult(admin, "/users/" + id + "/unlock");
        assertThat(unlocked.getResponse().getStatus()).isEqualTo(302);
        assertThat(element(html(getAfter(admin, unlocked)), "main")).contains(email + " may sign in again.");
        assertThat(Api.at(port)
                        .withPassword(email, PASSWORD)
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(200);
        assertThat(html(get(admin, "/users"))).doesNotContain("id=\"unlock-" + id + "\"");

        String manager = createUser("MANAGER");
        assertThat(get(manager, "/users/" + id + "/edit").getStatus()).isEqualTo(403);
        assertThat(post(manager, "/users/" + id + "/unlock").getStatus()).isEqualTo(403);
        assertThat(post(manager, "/users/" + id + "/edit", "role", "ADMIN").getStatus())
                .isEqualTo(403);
    }

    private String idOf(String email) {
        for (var user : api().get("/api/v1/users").json()) {
            if (user.get("email").asString().equals(email)) {
                return user.get("id").asString();
            }
        }
        throw new AssertionError("no user " + email);
    }

    @Test
    void onlyAdministratorsOpenThePeoplePages() {
        String manager = createUser("MANAGER");
        for (String path : new String[] {"/users", "/users/new", "/tokens", "/tokens/new"}) {
            assertThat(get(manager, path).getStatus()).as(path).isEqualTo(403);
        }
        assertThat(post(manager, "/tokens/new", "name", "sneaky").getStatus()).isEqualTo(403);
        assertThat(post(manager, "/users/new", "email", "x@y.example").getStatus())
                .isEqualTo(403);
        assertThat(html(get(manager, "/clients")))
                .doesNotContain("href=\"/users\"")
                .doesNotContain("href=\"/tokens\"");
        String admin = createUser("ADMIN");
        assertThat(html(get(admin, "/clients"))).contains("href=\"/users\"").contains("href=\"/tokens\"");
        assertThat(postWithoutCsrf(admin, "/tokens/new", "name", "no token").getStatus())
                .isEqualTo(403);
    }
}
