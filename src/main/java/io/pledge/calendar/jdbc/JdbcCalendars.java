package io.pledge.calendar.jdbc;

import io.pledge.calendar.CalendarChanged;
import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.calendar.StoredCalendar;
import io.pledge.core.jdbc.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Calendars in the {@code calendar} table; the definition is kept as its public JSON document. */
@Repository
@Transactional
class JdbcCalendars implements Calendars {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JdbcCalendars(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public StoredCalendar add(CalendarDefinition definition) {
        CalendarId id = CalendarId.random();
        OffsetDateTime now = now();
        jdbc.sql("""
                        insert into calendar (id, name, zone, definition, created_at, updated_at)
                        values (:id, :name, :zone, :definition, :now, :now)""")
                .param("id", id.value())
                .param("name", definition.name())
                .param("zone", definition.zone().getId())
                .param("definition", json.writeValueAsString(definition.toDocument()))
                .param("now", now)
                .update();
        return new StoredCalendar(id, definition, now.toInstant(), now.toInstant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredCalendar> find(CalendarId id) {
        return jdbc.sql("select * from calendar where id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(CalendarId id) {
        return jdbc.sql("select count(*) from calendar where id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredCalendar> all() {
        return jdbc.sql("select * from calendar order by name, id")
                .query(this::map)
                .list();
    }

    @Override
    public Optional<StoredCalendar> replace(CalendarId id, CalendarDefinition definition) {
        int updated = jdbc.sql("""
                        update calendar set name = :name, zone = :zone, definition = :definition, updated_at = :now
                        where id = :id""")
                .param("id", id.value())
                .param("name", definition.name())
                .param("zone", definition.zone().getId())
                .param("definition", json.writeValueAsString(definition.toDocument()))
                .param("now", now())
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        events.publishEvent(new CalendarChanged(id));
        return find(id);
    }

    @Override
    public boolean remove(CalendarId id) {
        boolean removed = jdbc.sql("delete from calendar where id = :id")
                        .param("id", id.value())
                        .update()
                > 0;
        if (removed) {
            events.publishEvent(new CalendarChanged(id));
        }
        return removed;
    }

    private StoredCalendar map(ResultSet row, int index) throws SQLException {
        CalendarDocument document = json.readValue(row.getString("definition"), CalendarDocument.class);
        return new StoredCalendar(
                new CalendarId(row.getObject("id", UUID.class)),
                CalendarDefinition.parse(document),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"));
    }

    private OffsetDateTime now() {
        return Timestamps.utc(Timestamps.now(clock));
    }
}
