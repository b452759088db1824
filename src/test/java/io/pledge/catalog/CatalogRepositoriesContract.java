package io.pledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.CalendarUsage;
import io.pledge.calendar.Calendars;
import io.pledge.calendar.StoredCalendar;
import io.pledge.clients.Client;
import io.pledge.clients.ClientDetails;
import io.pledge.clients.ClientDocument;
import io.pledge.clients.Clients;
import io.pledge.clients.Contract;
import io.pledge.clients.ContractDocument;
import io.pledge.clients.ContractTerms;
import io.pledge.clients.Contracts;
import io.pledge.clients.CreditsPer;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.Tier;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.ConflictException;
import io.pledge.security.ApiToken;
import io.pledge.security.ApiTokens;
import io.pledge.security.IssuedToken;
import io.pledge.security.Role;
import io.pledge.security.Users;
import io.pledge.sla.PriorityScheme;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every database must do for the catalog repositories. Written once; run on H2 always and on
 * PostgreSQL when {@code PLEDGE_TEST_POSTGRES_URL} is set.
 */
public abstract class CatalogRepositoriesContract extends DatabaseIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Calendars calendars;

    @Autowired
    List<CalendarUsage> calendarUsages;

    @Autowired
    Clients clients;

    @Autowired
    Tiers tiers;

    @Autowired
    Contracts contracts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Users users;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCalendarDefinitionIsStoredExactly() {
        CalendarDefinition paris = paris(unique("Paris"));
        clock.set(clock.instant().with(java.time.temporal.ChronoField.NANO_OF_SECOND, 123_456_789));

        StoredCalendar stored = calendars.add(paris);

        assertThat(calendars.find(stored.id())).hasValueSatisfying(found -> {
            assertThat(found.definition()).isEqualTo(paris);
            assertThat(found.createdAt())
                    .isEqualTo(stored.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        });
        assertThat(calendars.all()).extracting(StoredCalendar::id).contains(stored.id());
        assertThat(calendars.exists(stored.id())).isTrue();
    }

    @Test
    void aCalendarIsReplacedAndRemoved() {
        StoredCalendar stored = calendars.add(paris(unique("Paris")));
        CalendarDefinition always = CalendarDefinition.alwaysOpen(unique("Always"), java.time.ZoneId.of("UTC"));

        assertThat(calendars.replace(stored.id(), always))
                .hasValueSatisfying(found -> assertThat(found.definition()).isEqualTo(always));
        assertThat(calendars.remove(stored.id())).isTrue();
        assertThat(calendars.find(stored.id())).isEmpty();
        assertThat(calendars.remove(stored.id())).isFalse();
        assertThat(calendars.replace(stored.id(), always)).isEmpty();
    }

    @Test
    void aClientSlugIsUnique() {
        String slug = unique("acme");
        Client client = clients.add(client("Acme", slug));

        assertThat(clients.findBySlug(slug))
                .hasValueSatisfying(found -> assertThat(found.details()).isEqualTo(client.details()));
        assertThat(clients.findByReference(client.id().toString())).isPresent();
        assertThatThrownBy(() -> clients.add(client("Other Acme", slug)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(slug);
        assertThat(clients.all()).filteredOn(c -> c.slug().equals(slug)).hasSize(1);
    }

    @Test
    void aClientIsReplacedWithItsContacts() {
        Client client = clients.add(client("Acme", unique("acme")));
        ClientDetails renamed = ClientDetails.parse(new ClientDocument(
                "Acme Group",
                unique("acme-group"),
                "America/New_York",
                List.of(new ClientDocument.ContactDocument("Zoe", "zoe@acme.example", "+1 555 0100"))));

        assertThat(clients.replace(client.id(), renamed))
                .hasValueSatisfying(found -> assertThat(found.details()).isEqualTo(renamed));
        assertThat(clients.remove(client.id())).isTrue();
        assertThat(clients.find(client.id())).isEmpty();
    }

    @Test
    void aPolicyVersionNeverChangesOnceSaved() {
        Tier tier = tiers.add(unique("Gold"), "premium", policy("PT4H"), "alice");
        TierPolicy first = tier.currentPolicy();
        String storedFirst = storedDefinition(tier, 1);

        clock.advance(Duration.ofMinutes(5));
        TierPolicy second = tiers.revise(tier.id(), policy("PT2H"), "bob").orElseThrow();

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(tiers.version(tier.id(), 1)).hasValueSatisfying(v1 -> {
            assertThat(v1.terms()).isEqualTo(first.terms());
            assertThat(v1.createdBy()).isEqualTo("alice");
        });
        assertThat(storedDefinition(tier, 1)).isEqualTo(storedFirst);
        assertThat(tiers.versions(tier.id())).extracting(TierPolicy::version).containsExactly(1, 2);
        assertThat(tiers.find(tier.id()))
                .hasValueSatisfying(
                        found -> assertThat(found.currentPolicy().version()).isEqualTo(2));
    }

    @Test
    void aVersionSavedBeforeCreditsPerAndTicketCreditsReadsWithTheirDefaults() {
        Tier tier = tiers.add(unique("Legacy"), null, policy("PT4H"), "alice");
        // A definition as versions were written before the two settings existed.
        jdbc.sql("""
                        insert into tier_policy (tier_id, version, effective_from, created_by, definition)
                        values (:tier, 2, :at, 'alice', :definition)""")
                .param("tier", tier.id().value())
                .param("at", io.pledge.core.jdbc.Timestamps.utc(clock.instant()))
                .param("definition", """
                        {"targets":[{"priority":"P1","metric":"RESOLUTION","target":"PT4H"}],\
                        "thresholds":[0.75,0.9],"pauseStatuses":{"RESOLUTION":["WAITING_ON_CUSTOMER"]},\
                        "reopenRule":"RESUME","priorityChangeRule":"RETROACTIVE","uptimeTarget":99.9,\
                        "credits":[{"availabilityBelow":99.9,"creditPercent":10},\
                        {"availabilityBelow":99,"creditPercent":25}],"creditCapPercent":50}""")
                .update();

        assertThat(tiers.version(tier.id(), 2)).hasValueSatisfying(legacy -> {
            assertThat(legacy.terms().creditsPer()).isEqualTo(CreditsPer.MONITOR);
            assertThat(legacy.terms().ticketCredits()).isEmpty();
            assertThat(legacy.terms().credits()).hasSize(2);
            assertThat(legacy.terms().creditCapPercent()).isEqualByComparingTo("50");
        });
    }

    @Test
    void thePolicyInForceIsTheLatestVersionAtThatInstant() {
        Instant start = clock.instant();
        Tier tier = tiers.add(unique("Silver"), null, policy("PT8H"), "alice");
        clock.advance(Duration.ofHours(1));
        tiers.revise(tier.id(), policy("PT6H"), "alice");

        assertThat(tiers.policyAt(tier.id(), start.plus(Duration.ofMinutes(30)))
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
        assertThat(tiers.policyAt(tier.id(), start.plus(Duration.ofHours(2)))
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
        // Imported history from before the tier existed counts against the first version.
        assertThat(tiers.policyAt(tier.id(), start.minus(Duration.ofDays(365)))
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
    }

    @Test
    void revisionsOfOneTierGetDistinctVersionsUnderConcurrency() throws Exception {
        Tier tier = tiers.add(unique("Busy"), null, policy("PT8H"), "alice");

        List<Integer> versions = concurrently(
                8,
                () -> tiers.revise(tier.id(), policy("PT7H"), "bot")
                        .orElseThrow()
                        .version());

        assertThat(versions).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aClientHasAtMostOneContractInForce() {
        Client client = clients.add(client("Acme", unique("acme")));
        Tier tier = tiers.add(unique("Gold"), null, policy("PT4H"), "alice");
        CalendarId calendar = calendars.add(paris(unique("Paris"))).id();

        Contract first = contracts.add(client.id(), contract(tier, calendar, "2026-01-01", "2026-12-31"));
        contracts.add(client.id(), contract(tier, calendar, "2027-01-01", null));

        assertThatThrownBy(() -> contracts.add(client.id(), contract(tier, calendar, "2026-06-01", "2026-06-30")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(first.id().toString());
        assertThatThrownBy(() -> contracts.add(client.id(), contract(tier, calendar, "2030-01-01", null)))
                .isInstanceOf(ConflictException.class);
        assertThat(contracts.of(client.id())).hasSize(2);
        assertThat(contracts.find(first.id()))
                .hasValueSatisfying(found -> assertThat(found.terms()).isEqualTo(first.terms()));
    }

    @Test
    void concurrentOverlappingContractsCannotBothBeStored() throws Exception {
        Client client = clients.add(client("Acme", unique("acme")));
        Tier tier = tiers.add(unique("Gold"), null, policy("PT4H"), "alice");
        CalendarId calendar = calendars.add(paris(unique("Paris"))).id();

        List<Boolean> outcomes = concurrently(6, () -> {
            try {
                contracts.add(client.id(), contract(tier, calendar, "2026-01-01", "2026-12-31"));
                return true;
            } catch (ConflictException rejected) {
                return false;
            }
        });

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(contracts.of(client.id())).hasSize(1);
    }

    @Test
    void theContractInForceIsFoundInTheClientsZone() {
        Client client = clients.add(client("Acme", unique("acme")));
        Tier tier = tiers.add(unique("Gold"), null, policy("PT4H"), "alice");
        CalendarId calendar = calendars.add(paris(unique("Paris"))).id();
        Contract contract = contracts.add(client.id(), contract(tier, calendar, "2026-01-01", "2026-12-31"));

        // 2025-12-31T23:30Z is already 2026-01-01 00:30 in Paris.
        assertThat(contracts.inForce(client.id(), Instant.parse("2025-12-31T23:30:00Z")))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(contract.id()));
        assertThat(contracts.inForce(client.id(), Instant.parse("2025-12-31T22:59:59Z")))
                .isEmpty();
        assertThat(contracts.inForce(client.id(), Instant.parse("2026-12-31T22:59:59Z")))
                .isPresent();
        assertThat(contracts.inForce(client.id(), Instant.parse("2026-12-31T23:00:00Z")))
                .isEmpty();
    }

    @Test
    void aCalendarInUseSaysWhereAndCannotBeDeleted() {
        Client client = clients.add(client("Acme", unique("acme")));
        CalendarId office = calendars.add(paris(unique("Paris"))).id();
        CalendarId always = calendars
                .add(CalendarDefinition.alwaysOpen(unique("Always"), java.time.ZoneOffset.UTC))
                .id();
        Tier tier = tiers.add(unique("Gold"), null, policyCountingIn(always), "alice");
        contracts.add(client.id(), contract(tier, office, "2026-01-01", null));

        assertThat(calendarUsages.stream().flatMap(u -> u.usesOf(office).stream()))
                .singleElement()
                .asString()
                .contains(client.slug());
        assertThat(calendarUsages.stream().flatMap(u -> u.usesOf(always).stream()))
                .singleElement()
                .asString()
                .contains(tier.name() + " policy v1");
        assertThatThrownBy(() -> calendars.remove(always))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(calendars.exists(always)).isTrue();
    }

    @Test
    void onlyTheHashOfATokenIsStored() {
        IssuedToken issued = tokens.issue(unique("ci"), Role.ADMIN, null, "alice", null);

        assertThat(tokens.authenticate(issued.secret(), clock.instant()))
                .hasValueSatisfying(
                        token -> assertThat(token.id()).isEqualTo(issued.token().id()));
        assertThat(tokens.authenticate(issued.secret() + "x", clock.instant())).isEmpty();
        List<String> stored = jdbc.sql("select token_hash || ' ' || prefix || ' ' || name from api_token")
                .query(String.class)
                .list();
        assertThat(stored).noneMatch(row -> row.contains(issued.secret()));
        assertThat(stored).anyMatch(row -> row.startsWith(ApiTokens.hash(issued.secret())));
    }

    @Test
    void revokedAndExpiredTokensNoLongerAuthenticate() {
        IssuedToken revoked = tokens.issue(unique("old"), Role.ADMIN, null, "alice", null);
        IssuedToken expiring = tokens.issue(
                unique("temp"), Role.ADMIN, null, "alice", clock.instant().plusSeconds(60));

        Instant revokedAt = tokens.revoke(revoked.token().id(), clock.instant())
                .orElseThrow()
                .revokedAt();
        clock.advance(Duration.ofSeconds(61));

        assertThat(tokens.authenticate(revoked.secret(), clock.instant())).isEmpty();
        assertThat(tokens.authenticate(expiring.secret(), clock.instant())).isEmpty();
        assertThat(tokens.revoke(revoked.token().id(), clock.instant())
                        .orElseThrow()
                        .revokedAt())
                .isEqualTo(revokedAt);
        assertThat(tokens.find(expiring.token().id()))
                .hasValueSatisfying(
                        token -> assertThat(token.isActiveAt(clock.instant())).isFalse());
    }

    @Test
    void tokenUseIsRecorded() {
        IssuedToken issued = tokens.issue(unique("ci"), Role.ADMIN, null, "alice", null);

        tokens.authenticate(issued.secret(), clock.instant());

        assertThat(tokens.find(issued.token().id()).map(ApiToken::lastUsedAt)).isPresent();
    }

    @Test
    void userEmailsAreUniqueWhateverTheirCase() {
        String email = unique("Bob") + "@Example.com";
        users.add(email, "{noop}irrelevant", Role.MANAGER, null);

        assertThat(users.findByEmail(email.toUpperCase())).hasValueSatisfying(user -> {
            assertThat(user.email()).isEqualTo(email.toLowerCase());
            assertThat(user.role()).isEqualTo(Role.MANAGER);
        });
        assertThatThrownBy(() -> users.add(email.toLowerCase(), "{noop}x", Role.ADMIN, null))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    private String storedDefinition(Tier tier, int version) {
        return jdbc.sql("select definition from tier_policy where tier_id = :id and version = :version")
                .param("id", tier.id().value())
                .param("version", version)
                .query(String.class)
                .single();
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static CalendarDefinition paris(String name) {
        return CalendarDefinition.parse(JSON.readValue("""
                {"name": "%s", "zone": "Europe/Paris",
                 "hours": {"mon": [["08:30","12:30"],["13:30","18:00"]], "fri": [["08:30","17:00"]]},
                 "holidaySets": ["FR"], "holidays": ["2026-12-26"],
                 "overrides": {"2026-12-24": [["08:30","12:00"]], "2026-12-31": []}}""".formatted(name), CalendarDocument.class));
    }

    private static ClientDetails client(String name, String slug) {
        return ClientDetails.parse(new ClientDocument(
                name,
                slug,
                "Europe/Paris",
                List.of(new ClientDocument.ContactDocument("Marie", "it@acme.example", null))));
    }

    private static PolicyTerms policy(String resolution) {
        return PolicyTerms.parse(
                JSON.readValue("""
                        {"targets": [{"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"},
                                     {"priority": "P1", "metric": "RESOLUTION", "target": "%s"}],
                         "uptimeTarget": 99.9, "credits": [{"availabilityBelow": 99.9, "creditPercent": 10}]}""".formatted(resolution), TierPolicyDocument.class), PriorityScheme.STANDARD);
    }

    private static PolicyTerms policyCountingIn(CalendarId calendar) {
        return PolicyTerms.parse(
                JSON.readValue("""
                        {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H", "calendarId": "%s"}]}""".formatted(calendar), TierPolicyDocument.class), PriorityScheme.STANDARD);
    }

    private static ContractTerms contract(Tier tier, CalendarId calendar, String start, String end) {
        return ContractTerms.parse(new ContractDocument(
                tier.id().toString(),
                calendar.toString(),
                start,
                end,
                List.of("ERP", "Microsoft 365"),
                new BigDecimal("1500.00"),
                "EUR"));
    }
}
