package io.pledge.clients.jdbc;

import io.pledge.calendar.CalendarId;
import io.pledge.clients.ClientId;
import io.pledge.clients.Contract;
import io.pledge.clients.ContractId;
import io.pledge.clients.ContractTerms;
import io.pledge.clients.Contracts;
import io.pledge.clients.TierId;
import io.pledge.core.ConflictException;
import io.pledge.core.jdbc.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcContracts implements Contracts {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcContracts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Contract add(ClientId client, ContractTerms terms) {
        lockClient(client);
        requireNoOverlap(client, terms, null);
        ContractId id = ContractId.random();
        OffsetDateTime now = Timestamps.utc(Timestamps.now(clock));
        jdbc.sql("""
                        insert into contract (id, client_id, tier_id, calendar_id, start_date, end_date,
                                              monthly_fee, currency, created_at, updated_at)
                        values (:id, :client, :tier, :calendar, :start, :end, :fee, :currency, :now, :now)""")
                .param("id", id.value())
                .param("client", client.value())
                .param("tier", terms.tier().value())
                .param("calendar", terms.calendar().value())
                .param("start", terms.startDate())
                .param("end", terms.endDate())
                .param("fee", terms.monthlyFee())
                .param("currency", terms.currency().getCurrencyCode())
                .param("now", now)
                .update();
        insertServices(id, terms.services());
        return new Contract(id, client, terms, now.toInstant(), now.toInstant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Contract> find(ContractId id) {
        return jdbc.sql("select * from contract where id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Contract> of(ClientId client) {
        return jdbc.sql("select * from contract where client_id = :client order by start_date, id")
                .param("client", client.value())
                .query(this::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Contract> inForce(ClientId client, Instant at) {
        Optional<String> zone = jdbc.sql("select zone from client where id = :client")
                .param("client", client.value())
                .query(String.class)
                .optional();
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.ofInstant(at, ZoneId.of(zone.get()));
        return jdbc.sql("""
                        select * from contract
                        where client_id = :client and start_date <= :date and (end_date is null or end_date >= :date)""")
                .param("client", client.value())
                .param("date", date)
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Contract> replace(ContractId id, ContractTerms terms) {
        Optional<UUID> client = jdbc.sql("select client_id from contract where id = :id")
                .param("id", id.value())
                .query(UUID.class)
                .optional();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        lockClient(new ClientId(client.get()));
        requireNoOverlap(new ClientId(client.get()), terms, id);
        jdbc.sql("""
                        update contract set tier_id = :tier, calendar_id = :calendar, start_date = :start,
                            end_date = :end, monthly_fee = :fee, currency = :currency, updated_at = :now
                        where id = :id""")
                .param("id", id.value())
                .param("tier", terms.tier().value())
                .param("calendar", terms.calendar().value())
                .param("start", terms.startDate())
                .param("end", terms.endDate())
                .param("fee", terms.monthlyFee())
                .param("currency", terms.currency().getCurrencyCode())
                .param("now", Timestamps.utc(Timestamps.now(clock)))
                .update();
        jdbc.sql("delete from contract_service where contract_id = :id")
                .param("id", id.value())
                .update();
        insertServices(id, terms.services());
        return find(id);
    }

    @Override
    public boolean remove(ContractId id) {
        return jdbc.sql("delete from contract where id = :id")
                        .param("id", id.value())
                        .update()
                > 0;
    }

    /** Serialises contract changes of one client, so that the overlap check holds under concurrency. */
    private void lockClient(ClientId client) {
        jdbc.sql("select id from client where id = :id for update")
                .param("id", client.value())
                .query(UUID.class)
                .optional();
    }

    private void requireNoOverlap(ClientId client, ContractTerms terms, ContractId except) {
        for (Contract other : of(client)) {
            if (!other.id().equals(except) && other.terms().overlaps(terms)) {
                ContractTerms existing = other.terms();
                throw new ConflictException(
                        "startDate",
                        "overlaps contract " + other.id() + " in force from " + existing.startDate() + " to "
                                + (existing.endDate() == null
                                        ? "open end"
                                        : existing.endDate().toString())
                                + "; a client has at most one contract in force at any time");
            }
        }
    }

    private void insertServices(ContractId id, List<String> services) {
        for (int i = 0; i < services.size(); i++) {
            jdbc.sql("insert into contract_service (contract_id, position, service) values (:id, :position, :service)")
                    .param("id", id.value())
                    .param("position", i)
                    .param("service", services.get(i))
                    .update();
        }
    }

    private Contract map(ResultSet row, int index) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        List<String> services = jdbc.sql(
                        "select service from contract_service where contract_id = :id order by position")
                .param("id", id)
                .query(String.class)
                .list();
        ContractTerms terms = new ContractTerms(
                new TierId(row.getObject("tier_id", UUID.class)),
                new CalendarId(row.getObject("calendar_id", UUID.class)),
                row.getObject("start_date", LocalDate.class),
                row.getObject("end_date", LocalDate.class),
                services,
                row.getBigDecimal("monthly_fee"),
                Currency.getInstance(row.getString("currency").strip()));
        return new Contract(
                new ContractId(id),
                new ClientId(row.getObject("client_id", UUID.class)),
                terms,
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"));
    }
}
