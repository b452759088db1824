package io.pledge.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays by country or country subdivision, as Jollyday knows them: {@code FR},
 * {@code US-NY}, {@code DE-BY}. A set closes the dates its public holidays are actually observed on.
 * Thread-safe; results are cached per code and year.
 */
public final class HolidaySets {

    private static final HolidaySets STANDARD = new HolidaySets();

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<String, Set<LocalDate>> closedDates = new ConcurrentHashMap<>();
    private final Set<String> countries = Set.copyOf(HolidayManager.getSupportedCalendarCodes().stream()
            .map(code -> code.toUpperCase(Locale.ROOT))
            .toList());

    private HolidaySets() {}

    public static HolidaySets standard() {
        return STANDARD;
    }

    /** The canonical form of a code: upper case, {@code -} between country and subdivisions. */
    public static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the (normalized) code names a country, or a subdivision Jollyday knows of it. */
    public boolean isKnown(String code) {
        String[] parts = normalize(code).split("-");
        if (parts.length == 0 || !countries.contains(parts[0])) {
            return false;
        }
        CalendarHierarchy level = manager(parts[0]).getCalendarHierarchy();
        for (String part : Arrays.copyOfRange(parts, 1, parts.length)) {
            level = level.getChildren().get(part.toLowerCase(Locale.ROOT));
            if (level == null) {
                return false;
            }
        }
        return true;
    }

    /** Dates in {@code year} closed by the public holidays of a known code. */
    public Set<LocalDate> closedDates(String code, int year) {
        String normalized = normalize(code);
        return closedDates.computeIfAbsent(normalized + "/" + year, key -> load(normalized, year));
    }

    private Set<LocalDate> load(String code, int year) {
        String[] parts = code.split("-");
        String[] subdivisions = Arrays.stream(parts, 1, parts.length)
                .map(part -> part.toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        Set<LocalDate> dates = new TreeSet<>();
        for (Holiday holiday : manager(parts[0]).getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivisions)) {
            dates.add(holiday.getActualDate());
        }
        return Set.copyOf(dates);
    }

    private HolidayManager manager(String country) {
        return managers.computeIfAbsent(
                country, key -> HolidayManager.getInstance(ManagerParameters.create(key.toLowerCase(Locale.ROOT))));
    }
}
