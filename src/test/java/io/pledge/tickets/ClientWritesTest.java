package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.core.ForbiddenException;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.Scope;
import io.pledge.core.Violation;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a client's contacts may write: tickets for their own client, public replies as the customer. */
class ClientWritesTest {

    private final UUID client = UUID.randomUUID();
    private final Scope scope = Scope.client(client);

    @Test
    void staffWriteDocumentsAsGiven() {
        TicketDocument ticket = new TicketDocument("acme", "P2", null, "Down", null, null, null, "psa", "T1");
        TicketEventDocument event =
                new TicketEventDocument("NOTE", "2026-03-02T10:00:00Z", null, null, null, null, "internal", null, null);

        assertThat(ClientWrites.ticket(ticket, Scope.everything())).isSameAs(ticket);
        assertThat(ClientWrites.event(event, Scope.everything())).isSameAs(event);
    }

    @Test
    void aClientOpensTicketsForItselfWhenItNamesNoClient() {
        TicketDocument written = ClientWrites.ticket(
                new TicketDocument(null, "P2", "mail", "Down", "text", "ann@acme.test", null, null, null), scope);

        assertThat(written)
                .isEqualTo(new TicketDocument(
                        client.toString(), "P2", "mail", "Down", "text", "ann@acme.test", null, null, null));
    }

    @Test
    void aClientNamesNeitherSourceNorExternalId() {
        assertThatThrownBy(() -> ClientWrites.ticket(
                        new TicketDocument(null, "P2", null, "Down", null, null, null, "psa", "T1"), scope))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("source", "externalId"));
    }

    @Test
    void aClientOpensItsTicketWhenItArrivesNeverDatedBack() {
        assertThatThrownBy(() -> ClientWrites.ticket(
                        new TicketDocument(null, "P2", null, "Down", null, null, "2026-01-05T09:00:00Z", null, null),
                        scope))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("createdAt"));
    }

    @Test
    void aClientRepliesPubliclyAsTheCustomer() {
        TicketEventDocument written = ClientWrites.event(
                new TicketEventDocument("replied", null, null, null, "AGENT", false, "thanks", null, null), scope);

        assertThat(written)
                .isEqualTo(
                        new TicketEventDocument("REPLIED", null, null, null, "CUSTOMER", true, "thanks", null, null));
    }

    @Test
    void aClientDoesNothingButReply() {
        assertThatThrownBy(() -> ClientWrites.event(
                        new TicketEventDocument("RESOLVED", null, null, null, null, null, null, null, null), scope))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ClientWrites.event(
                        new TicketEventDocument(null, null, null, null, null, null, null, null, null), scope))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aClientsReplyIsRecordedWhenItArrives() {
        assertThatThrownBy(() -> ClientWrites.event(
                        new TicketEventDocument(
                                "REPLIED", "2026-03-02T10:00:00Z", null, null, null, null, "x", null, null),
                        scope))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("at"));
    }
}
