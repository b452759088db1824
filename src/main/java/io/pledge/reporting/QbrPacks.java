package io.pledge.reporting;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Scope;
import io.pledge.reporting.pack.QbrPack;
import io.pledge.reporting.pack.QbrRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The QBR pack of a client's period: its figures, the manager's notes, rendered as HTML or PDF from the
 * same template. A client's caller gets its own client's pack (with the notes: they are written for the
 * client) and nobody else's; another client is as unknown as one that does not exist.
 */
@Service
public class QbrPacks {

    /** Notes longer than this are refused: the pack gives them one page. */
    public static final int MAX_NOTES = 4000;

    private final Clients clients;
    private final ReportNotes notes;
    private final PackFigures figures;
    private final String mspName;
    private final QbrRenderer renderer = new QbrRenderer();

    QbrPacks(
            Clients clients,
            ReportNotes notes,
            PackFigures figures,
            @Value("${pledge.reporting.msp-name:Pledge}") String mspName) {
        this.clients = clients;
        this.notes = notes;
        this.figures = figures;
        this.mspName = mspName;
    }

    /** A rendered pack, and the file name it is offered under. */
    public record Rendered<T>(T content, String fileName) {}

    public Rendered<byte[]> pdf(String client, String period, Scope scope) {
        Assembled pack = assemble(client, period, scope);
        return new Rendered<>(renderer.pdf(pack.pack()), pack.fileName() + ".pdf");
    }

    public Rendered<String> html(String client, String period, Scope scope) {
        Assembled pack = assemble(client, period, scope);
        return new Rendered<>(renderer.html(pack.pack()), pack.fileName() + ".html");
    }

    /** The Content-Security-Policy source that lets the HTML view's own style element in, and nothing else. */
    public String htmlStyleSource() {
        return renderer.styleSource();
    }

    /** The notes of a client's period, as the MSP's staff read them before rendering. */
    public ReportNote notes(String client, String period) {
        Client found = find(client, Scope.everything());
        ReportPeriod parsed = period(period);
        return notes.find(found.id().value(), parsed.label(), Scope.everything())
                .orElseGet(() -> new ReportNote(found.id().value(), parsed.label(), "", null, null));
    }

    /**
     * Sets the notes of a client's period.
     *
     * @throws InvalidRequestException naming {@code notes} when they are missing or too long
     */
    public ReportNote putNotes(String client, String period, String text, String author) {
        Client found = find(client, Scope.everything());
        ReportPeriod parsed = period(period);
        if (text == null) {
            throw new InvalidRequestException("notes", "is required (an empty text clears them)");
        }
        if (text.length() > MAX_NOTES) {
            throw new InvalidRequestException(
                    "notes", "must be at most " + MAX_NOTES + " characters, got " + text.length());
        }
        return notes.put(found.id().value(), parsed.label(), text, author);
    }

    private Assembled assemble(String client, String period, Scope scope) {
        Client found = find(client, scope);
        ReportPeriod parsed = period(period);
        QbrPack pack = figures.figures(mspName, found, parsed, scope);
        String text = notes.find(found.id().value(), parsed.label(), scope)
                .map(ReportNote::notes)
                .orElse(null);
        return new Assembled(pack.withNotes(text), "qbr-" + found.slug() + "-" + parsed.label());
    }

    /** A month or a quarter, named as the compliance report names it; its label keys the notes. */
    private static ReportPeriod period(String period) {
        return ReportPeriod.parse(period == null || period.isBlank() ? null : period, null, null);
    }

    private Client find(String client, Scope scope) {
        return clients.findByReference(client, scope).orElseThrow(() -> new NotFoundException("client", client));
    }

    private record Assembled(QbrPack pack, String fileName) {}
}
