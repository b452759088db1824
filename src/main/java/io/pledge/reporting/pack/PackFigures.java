package io.pledge.reporting.pack;

import io.pledge.clients.Client;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where the pack's figures come from: the compliance report and the credits of a client's period, mapped
 * into a {@link QbrPack} (without the manager's notes, which the pack's caller adds).
 */
public interface PackFigures {

    /**
     * @param mspName the name on the cover
     * @param firstDay first day of the period in the client's zone, {@code lastDay} its last (included)
     * @param label the period as the API names it ({@code 2026-Q3})
     */
    QbrPack figures(String mspName, Client client, String label, LocalDate firstDay, LocalDate lastDay, Instant now);
}
