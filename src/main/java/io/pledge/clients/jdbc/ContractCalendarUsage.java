package io.pledge.clients.jdbc;

import io.pledge.calendar.CalendarId;
import io.pledge.calendar.CalendarUsage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Contracts and policy versions that count time in a calendar. */
@Component
class ContractCalendarUsage implements CalendarUsage {

    private final JdbcClient jdbc;

    ContractCalendarUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> usesOf(CalendarId calendar) {
        List<String> uses = new ArrayList<>();
        uses.addAll(jdbc.sql("""
                        select c.id, cl.slug from contract c join client cl on cl.id = c.client_id
                        where c.calendar_id = :calendar order by cl.slug, c.start_date""")
                .param("calendar", calendar.value())
                .query((row, i) -> "contract " + row.getString("id") + " (" + row.getString("slug") + ")")
                .list());
        uses.addAll(jdbc.sql("""
                        select t.name, p.version from tier_policy_calendar p join tier t on t.id = p.tier_id
                        where p.calendar_id = :calendar order by t.name, p.version""")
                .param("calendar", calendar.value())
                .query((row, i) -> "tier " + row.getString("name") + " policy v" + row.getInt("version"))
                .list());
        return uses;
    }
}
