package io.pledge.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a service manager watches, as it stands: open clocks breached and tickets at risk, this month's
 * met % of each client beside its tier's, the credit each client's month owes if nothing else goes wrong,
 * monitors down, dead deliveries and imports running. Figures only: {@link Dashboards} computes them from
 * the modules that own them, the page formats them.
 *
 * @param month the month counted ({@code 2026-12}), in the MSP's zone; each client's days in its own zone
 * @param clients every client within the scope, those with breached clocks first
 */
public record Dashboard(
        String month,
        long breachedClocks,
        long ticketsAtRisk,
        List<ClientLine> clients,
        List<MonitorDown> monitorsDown,
        long deadDeliveries,
        List<ImportRunning> imports,
        List<Money> creditsAtRisk) {

    /** The clients a dashboard lists unless asked for all: the first in its order, those most at risk. */
    public static final int CLIENTS_SHOWN = 50;

    /** The clients to list: all of them, or the first {@link #CLIENTS_SHOWN}. */
    public List<ClientLine> clientsToList(boolean all) {
        return all || clients.size() <= CLIENTS_SHOWN ? clients : clients.subList(0, CLIENTS_SHOWN);
    }

    /**
     * One client: its open clocks breached and tickets at risk now; the month's met % of resolution and
     * first response, its tier's resolution met % (null without a tier or a clock stopped), and the credit
     * at risk (null when its contract prices none).
     */
    public record ClientLine(
            UUID id,
            String name,
            String slug,
            String zone,
            String tier,
            long breachedClocks,
            long ticketsAtRisk,
            BigDecimal resolutionMetPercent,
            BigDecimal firstResponseMetPercent,
            BigDecimal tierResolutionMetPercent,
            Money creditAtRisk) {

        /** Below its tier's met %: worse than its peers on the same promise. */
        public boolean belowTier() {
            return resolutionMetPercent != null
                    && tierResolutionMetPercent != null
                    && resolutionMetPercent.compareTo(tierResolutionMetPercent) < 0;
        }
    }

    /** A monitor confirmed down, since when, and whose it is. */
    public record MonitorDown(UUID id, String name, String client, String zone, Instant since) {}

    /** An import running. */
    public record ImportRunning(UUID id, String client, String fileName, long rowsRead, Instant startedAt) {}

    /** An amount in a currency (ISO 4217 code). */
    public record Money(BigDecimal amount, String currency) {}
}
