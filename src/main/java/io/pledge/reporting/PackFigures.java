package io.pledge.reporting;

import io.pledge.clients.Client;
import io.pledge.core.Scope;
import io.pledge.reporting.pack.QbrPack;

/**
 * Where the pack's figures come from: the compliance report of a client's period, credits included,
 * mapped into a {@link QbrPack} (without the manager's notes, which the pack's caller adds).
 */
interface PackFigures {

    /**
     * @param mspName the name on the cover
     * @param scope the caller's scope, which the report is read within
     */
    QbrPack figures(String mspName, Client client, ReportPeriod period, Scope scope);
}
