package io.pledge.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A ticket's life told event by event, in the words of the domain, for SLA tests. */
final class Story {

    private final List<TicketEvent> events = new ArrayList<>();

    private Story() {}

    static Story ticketRaised(String at, String priority) {
        Story story = new Story();
        story.events.add(new TicketEvent.Created(instant(at), Priority.of(priority)));
        return story;
    }

    Story status(String at, TicketStatus status) {
        return add(new TicketEvent.StatusChanged(instant(at), status));
    }

    Story waitingOnCustomer(String at) {
        return status(at, TicketStatus.WAITING_ON_CUSTOMER);
    }

    Story waitingOnVendor(String at) {
        return status(at, TicketStatus.WAITING_ON_VENDOR);
    }

    Story inProgress(String at) {
        return status(at, TicketStatus.IN_PROGRESS);
    }

    Story agentReplies(String at) {
        return add(new TicketEvent.Replied(instant(at), TicketEvent.Author.AGENT, true));
    }

    Story agentRepliesPrivately(String at) {
        return add(new TicketEvent.Replied(instant(at), TicketEvent.Author.AGENT, false));
    }

    Story customerReplies(String at) {
        return add(new TicketEvent.Replied(instant(at), TicketEvent.Author.CUSTOMER, true));
    }

    Story note(String at) {
        return add(new TicketEvent.Note(instant(at)));
    }

    Story priority(String at, String priority) {
        return add(new TicketEvent.PriorityChanged(instant(at), Priority.of(priority)));
    }

    Story resolved(String at) {
        return add(new TicketEvent.Resolved(instant(at)));
    }

    Story reopened(String at) {
        return add(new TicketEvent.Reopened(instant(at)));
    }

    Story closed(String at) {
        return add(new TicketEvent.Closed(instant(at)));
    }

    Story cancelled(String at) {
        return add(new TicketEvent.Cancelled(instant(at)));
    }

    TicketTimeline timeline() {
        return TicketTimeline.of(events);
    }

    private Story add(TicketEvent event) {
        events.add(event);
        return this;
    }

    static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
