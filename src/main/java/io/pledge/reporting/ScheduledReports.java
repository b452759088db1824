package io.pledge.reporting;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Client;
import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.core.ConflictException;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Retries;
import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports mailed on schedule (ADR 0033). A client's schedule owes its report contacts the QBR pack of each
 * month and/or quarter, some days after the period closes. Any node plans and sends: a due schedule is
 * claimed with {@code for update skip locked} and writes the period's delivery (edition 1, unique per client
 * and period) while its cursor moves on, in one transaction; a pending delivery is claimed the same way
 * and held while the pack is rendered and mailed, so a period's report goes out once however many nodes
 * run. A failed attempt is tried again after 10 s, 20 s, 40 s … (at most an hour); after {@value
 * Retries#MAX_ATTEMPTS} attempts the delivery is dead until retried. The PDF as sent is stored with the delivery
 * and its SHA-256 written to the client's audit chain in the same transaction.
 */
@Service
public class ScheduledReports {

    /** How far back a schedule may start: a year of reports owed at once, at most. */
    static final int MAX_DAYS_BACK = 366;

    private static final Logger log = LoggerFactory.getLogger(ScheduledReports.class);

    private final Clients clients;
    private final QbrPacks packs;
    private final ReportSchedules schedules;
    private final ReportDeliveries deliveries;
    private final ReportMail mail;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int defaultDaysAfterClose;

    ScheduledReports(
            Clients clients,
            QbrPacks packs,
            ReportSchedules schedules,
            ReportDeliveries deliveries,
            ReportMail mail,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${pledge.reports.days-after-close:3}") int defaultDaysAfterClose) {
        this.clients = clients;
        this.packs = packs;
        this.schedules = schedules;
        this.deliveries = deliveries;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        if (defaultDaysAfterClose < 0 || defaultDaysAfterClose > ReportDueDates.MAX_DAYS_AFTER_CLOSE) {
            throw new IllegalStateException(
                    "pledge.reports.days-after-close must be 0.." + ReportDueDates.MAX_DAYS_AFTER_CLOSE);
        }
        this.defaultDaysAfterClose = defaultDaysAfterClose;
    }

    /** A client's schedule as the API shows it, with the client it belongs to. */
    public record ClientSchedule(Client client, ReportSchedule schedule, List<String> recipients) {}

    /** What a delivery would send: the mail and its attachment, rendered now, not sent. */
    public record Preview(
            Client client,
            String period,
            List<String> recipients,
            String subject,
            String text,
            String fileName,
            int pdfSize,
            String pdfSha256) {}

    /** A client's schedule; a client without one has a disabled schedule with no cadence. */
    public ClientSchedule schedule(String client) {
        Client found = find(client, Scope.everything());
        ReportSchedule schedule = transactions.execute(status -> schedules
                .find(found.id().value())
                .orElseGet(() -> new ReportSchedule(
                        found.id().value(),
                        false,
                        false,
                        false,
                        defaultDaysAfterClose,
                        today(found.details().zone()),
                        null,
                        null,
                        null,
                        null)));
        return new ClientSchedule(found, schedule, ReportMail.recipients(found));
    }

    /** Every stored schedule, with its client, by client name. */
    public List<ClientSchedule> schedules() {
        List<ReportSchedule> all = transactions.execute(status -> schedules.all());
        return all.stream()
                .flatMap(schedule -> clients.find(new ClientId(schedule.client())).stream()
                        .map(client -> new ClientSchedule(client, schedule, ReportMail.recipients(client))))
                .sorted(java.util.Comparator.comparing(
                        (ClientSchedule each) -> each.client().name()))
                .toList();
    }

    /**
     * Sets a client's schedule; its cursors start again from the periods holding {@code startsOn} (a period
     * already delivered is not delivered again). Audited in the client's chain.
     *
     * @throws InvalidRequestException naming every invalid field
     */
    public ClientSchedule putSchedule(String client, ReportScheduleDocument document, String author) {
        Client found = find(client, Scope.everything());
        if (document == null) {
            throw new InvalidRequestException("body", "is required: a report schedule document");
        }
        ZoneId zone = found.details().zone();
        LocalDate today = today(zone);
        Violations violations = new Violations();
        boolean enabled = !Boolean.FALSE.equals(document.enabled());
        boolean monthly = Boolean.TRUE.equals(document.monthly());
        boolean quarterly = Boolean.TRUE.equals(document.quarterly());
        if (enabled && !monthly && !quarterly) {
            violations.add(
                    "monthly",
                    "an enabled schedule sends monthly or quarterly reports (or both): set monthly or quarterly to"
                            + " true, or enabled to false");
        }
        int days = document.daysAfterClose() == null ? defaultDaysAfterClose : document.daysAfterClose();
        if (days < 0 || days > ReportDueDates.MAX_DAYS_AFTER_CLOSE) {
            violations.add(
                    "daysAfterClose", "must be between 0 and " + ReportDueDates.MAX_DAYS_AFTER_CLOSE + ", got " + days);
        }
        LocalDate starting = today;
        if (document.startsOn() != null) {
            try {
                starting = LocalDate.parse(document.startsOn().strip());
                if (starting.isBefore(today.minusDays(MAX_DAYS_BACK))) {
                    violations.add(
                            "startsOn",
                            "must be at most " + MAX_DAYS_BACK + " days before today (" + today + "), got " + starting);
                }
            } catch (DateTimeException bad) {
                violations.add("startsOn", "must be a date (2026-10-01), got \"" + shorten(document.startsOn()) + "\"");
            }
        }
        violations.throwIfAny();
        LocalDate startsOn = starting;
        Instant now = Timestamps.now(clock);
        ReportSchedule schedule = ReportSchedule.planned(
                found.id().value(), enabled, monthly, quarterly, days, startsOn, zone, now, author);
        transactions.executeWithoutResult(status -> {
            schedules.put(schedule);
            audit.append(new AuditLog.Change(
                    AuditLog.clientChain(found.id().value()),
                    author,
                    "report.schedule",
                    "report-schedule/" + found.slug(),
                    "enabled=" + enabled + ";monthly=" + monthly + ";quarterly=" + quarterly + ";daysAfterClose=" + days
                            + ";startsOn=" + startsOn));
        });
        return new ClientSchedule(found, schedule, ReportMail.recipients(found));
    }

    /**
     * Claims up to {@code limit} due schedules and writes the deliveries they owe; returns how many
     * schedules it claimed.
     */
    public int planDue(int limit) {
        Instant now = Timestamps.now(clock);
        Integer claimed = transactions.execute(status -> {
            List<ReportSchedule> due = schedules.claimDue(now, limit);
            for (ReportSchedule schedule : due) {
                Optional<Client> client = clients.find(new ClientId(schedule.client()));
                if (client.isEmpty()) {
                    continue;
                }
                ZoneId zone = client.get().details().zone();
                ReportSchedule.Next month = owe(schedule, schedule.nextMonth(), zone, now);
                ReportSchedule.Next quarter = owe(schedule, schedule.nextQuarter(), zone, now);
                schedules.advance(schedule.advancedTo(month, quarter));
            }
            return due.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /** Writes the deliveries of a cadence's due periods; returns its next period not yet due. */
    private ReportSchedule.Next owe(ReportSchedule schedule, ReportSchedule.Next next, ZoneId zone, Instant now) {
        ReportSchedule.Next cursor = next;
        while (cursor != null && !cursor.dueAt().isAfter(now)) {
            if (deliveries.add(
                    ReportDelivery.owed(schedule.client(), cursor.period(), 1, ReportDelivery.SCHEDULE, now))) {
                log.info("report of client {} for {} is due", schedule.client(), cursor.period());
            }
            ReportPeriod following = ReportDueDates.following(ReportPeriod.parse(cursor.period(), null, null));
            cursor = new ReportSchedule.Next(
                    following.label(), ReportDueDates.dueAt(following, zone, schedule.daysAfterClose()));
        }
        return cursor;
    }

    /** Sends up to {@code limit} due deliveries; returns how many were claimed. */
    public int sendDue(int limit) {
        int claimed = 0;
        while (claimed < limit && sendOne()) {
            claimed++;
        }
        return claimed;
    }

    private boolean sendOne() {
        Instant now = Timestamps.now(clock);
        ReportDelivery[] claimed = new ReportDelivery[1];
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                List<ReportDelivery> due = deliveries.claim(now, 1);
                if (due.isEmpty()) {
                    return false;
                }
                claimed[0] = due.get(0);
                send(due.get(0), now);
                return true;
            }));
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            log.warn("report delivery {} failed", claimed[0].id(), e);
            // What the attempt wrote is rolled back; the failure is recorded on its own.
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            transactions.executeWithoutResult(
                    status -> deliveries.claim(claimed[0].id()).ifPresent(delivery -> failed(delivery, error, now)));
            return true;
        }
    }

    /** Renders, mails, and records one claimed delivery, in the caller's transaction. */
    private void send(ReportDelivery delivery, Instant now) {
        Optional<Client> found = clients.find(new ClientId(delivery.client()));
        if (found.isEmpty()) {
            failed(delivery, "the client no longer exists", now);
            return;
        }
        Client client = found.get();
        if (ReportMail.recipients(client).isEmpty()) {
            // Said before rendering a pack nobody would receive.
            failed(delivery, "no recipient: the client has no report contact with an email address", now);
            return;
        }
        ReportPeriod period = ReportPeriod.parse(delivery.period(), null, null);
        QbrPacks.Rendered<byte[]> pdf = packs.pdf(client.id().toString(), delivery.period(), Scope.everything());
        ReportMail.Composed composed = mail.compose(client, period, delivery.id(), pdf.fileName());
        String error = mail.send(composed, pdf.content(), Integer.toString(delivery.edition()));
        if (error != null) {
            failed(delivery, error, now);
            return;
        }
        String sha256 = sha256(pdf.content());
        deliveries.sent(
                delivery.id(),
                delivery.attempts() + 1,
                now,
                new ReportDelivery.Sent(
                        composed.to(), composed.subject(), composed.messageId(), pdf.content(), sha256));
        audit.append(new AuditLog.Change(
                AuditLog.clientChain(client.id().value()),
                delivery.requestedBy(),
                "report.sent",
                "report-delivery/" + delivery.id(),
                "period=" + delivery.period() + ";edition=" + delivery.edition() + ";pdf-sha256=" + sha256
                        + ";pdf-size=" + pdf.content().length + ";to=" + String.join(",", composed.to())
                        + ";message-id=" + composed.messageId()));
    }

    private void failed(ReportDelivery delivery, String error, Instant now) {
        int attempts = delivery.attempts() + 1;
        Instant next = Retries.next(attempts, now);
        deliveries.failed(delivery.id(), attempts, next, error);
    }

    /** What a client's report for a period would send now: rendered, not mailed, not stored. */
    public Preview preview(String client, String period) {
        Client found = find(client, Scope.everything());
        if (period == null || period.isBlank()) {
            throw new InvalidRequestException("period", "is required: a month (2026-10) or a quarter (2026-Q3)");
        }
        ReportPeriod parsed = ReportPeriod.parse(period, null, null);
        QbrPacks.Rendered<byte[]> pdf = packs.pdf(found.id().toString(), parsed.label(), Scope.everything());
        ReportMail.Composed composed = mail.compose(found, parsed, new UUID(0, 0), pdf.fileName());
        return new Preview(
                found,
                parsed.label(),
                composed.to(),
                composed.subject(),
                composed.text(),
                composed.fileName(),
                pdf.content().length,
                sha256(pdf.content()));
    }

    /**
     * Mails a sent or dead report's period again, freshly rendered, as the next edition, due now. Audited.
     *
     * @throws NotFoundException when there is no such delivery
     */
    public ReportDelivery resend(UUID id, String author) {
        Instant now = Timestamps.now(clock);
        try {
            return transactions.execute(status -> {
                ReportDelivery original = deliveries
                        .find(id, Scope.everything())
                        .orElseThrow(() -> new NotFoundException("delivery", id.toString()));
                if (original.state() == ReportDelivery.State.PENDING) {
                    throw new ConflictException(
                            "state", "the delivery is still pending; it is sent as soon as it can be");
                }
                int edition = deliveries.nextEdition(original.client(), original.period());
                ReportDelivery resent = ReportDelivery.owed(original.client(), original.period(), edition, author, now);
                deliveries.add(resent);
                audit.append(new AuditLog.Change(
                        AuditLog.clientChain(original.client()),
                        author,
                        "report.resend",
                        "report-delivery/" + resent.id(),
                        "period=" + original.period() + ";edition=" + edition + ";of=" + original.id()));
                return resent;
            });
        } catch (DuplicateKeyException concurrent) {
            throw new ConflictException("edition", "another resend of this period was asked for at the same moment");
        }
    }

    /**
     * Puts a dead delivery back in line, due now. Audited.
     *
     * @throws NotFoundException when there is no such delivery
     * @throws ConflictException when it is not dead
     */
    public ReportDelivery retry(UUID id, String author) {
        Instant now = Timestamps.now(clock);
        return transactions.execute(status -> {
            ReportDelivery delivery = deliveries
                    .find(id, Scope.everything())
                    .orElseThrow(() -> new NotFoundException("delivery", id.toString()));
            if (!deliveries.retry(id, now)) {
                throw new ConflictException(
                        "state", "only a dead delivery is retried; this one is " + delivery.state());
            }
            audit.append(new AuditLog.Change(
                    AuditLog.clientChain(delivery.client()),
                    author,
                    "report.retry",
                    "report-delivery/" + id,
                    "period=" + delivery.period() + ";edition=" + delivery.edition()));
            return deliveries.find(id, Scope.everything()).orElseThrow();
        });
    }

    /**
     * Deliveries within the scope, newest first (a client's scope: its own client's sent reports).
     *
     * @param client a client's id or slug, or null for every client within the scope
     * @param period a month or quarter, or null for every period
     * @param state {@code PENDING}, {@code SENT} or {@code DEAD}, or null for every state
     * @throws InvalidRequestException naming {@code period} or {@code state} when malformed
     */
    public List<ReportDelivery> list(Scope scope, String client, String period, String state, int limit) {
        UUID clientId = client == null || client.isBlank()
                ? null
                : find(client, scope).id().value();
        String label = period == null || period.isBlank()
                ? null
                : ReportPeriod.parse(period, null, null).label();
        ReportDelivery.State wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = ReportDelivery.State.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidRequestException(
                        "state", "must be PENDING, SENT or DEAD, got \"" + shorten(state) + "\"");
            }
        }
        ReportDelivery.State inState = wanted;
        return transactions.execute(status -> deliveries.list(scope, clientId, label, inState, limit));
    }

    /** A delivery within the scope. */
    public ReportDelivery delivery(UUID id, Scope scope) {
        return transactions
                .execute(status -> deliveries.find(id, scope))
                .orElseThrow(() -> new NotFoundException("delivery", id.toString()));
    }

    /** The PDF a delivery sent, exactly as attached, and its file name. */
    public QbrPacks.Rendered<byte[]> pdf(UUID id, Scope scope) {
        ReportDelivery delivery = delivery(id, scope);
        byte[] pdf = transactions
                .execute(status -> deliveries.pdf(id, scope))
                .orElseThrow(() -> new NotFoundException("sent report", id.toString()));
        String slug = clients.find(new ClientId(delivery.client()))
                .map(Client::slug)
                .orElse(delivery.client().toString());
        return new QbrPacks.Rendered<>(pdf, "qbr-" + slug + "-" + delivery.period() + ".pdf");
    }

    private Client find(String client, Scope scope) {
        return clients.findByReference(client, scope).orElseThrow(() -> new NotFoundException("client", client));
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
