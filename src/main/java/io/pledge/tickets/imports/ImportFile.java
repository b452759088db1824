package io.pledge.tickets.imports;

import java.util.List;

/** What reading an import file gave: the tickets, the rows refused and why, and how many rows were read. */
record ImportFile(List<ImportedTicket> tickets, List<RowError> errors, long rows) {}
