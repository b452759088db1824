package io.pledge.audit;

import io.pledge.core.jdbc.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends changes to the audit chains, in the transaction of the change: a change that commits is
 * audited, one that rolls back is not. A chain's head is locked while entries are appended to it, so
 * entries of one chain are written one transaction after the other; chains of different clients do not
 * wait for each other.
 */
@Service
public class AuditLog {

    /** The chain of changes that belong to no client: tokens, and Pledge's own configuration. */
    public static final String PLEDGE_CHAIN = "pledge";

    /** One change to record. */
    public record Change(String chain, String actor, String action, String subject, String details) {}

    private final AuditChains chains;
    private final Clock clock;

    AuditLog(AuditChains chains, Clock clock) {
        this.chains = chains;
        this.clock = clock;
    }

    /** The chain of a client's changes: its tickets' events and its imports. */
    public static String clientChain(UUID client) {
        return "client:" + client;
    }

    /** Who is making the change: the signed-in user or token, else {@code system}. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Change change) {
        append(List.of(change));
    }

    /** Appends changes, in their order within each chain; chains are locked in name order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, List<Change>> byChain = new TreeMap<>();
        for (Change change : changes) {
            byChain.computeIfAbsent(change.chain(), chain -> new ArrayList<>()).add(change);
        }
        Instant now = Timestamps.now(clock);
        List<AuditEntry> entries = new ArrayList<>(changes.size());
        for (Map.Entry<String, List<Change>> chain : byChain.entrySet()) {
            chains.ensure(chain.getKey());
            AuditVerifier.Head head = chains.lock(chain.getKey());
            long seq = head.seq();
            String previous = head.hash();
            for (Change change : chain.getValue()) {
                AuditEntry entry = AuditEntry.next(
                        chain.getKey(),
                        ++seq,
                        now,
                        change.actor(),
                        change.action(),
                        change.subject(),
                        change.details(),
                        previous);
                entries.add(entry);
                previous = entry.hash();
            }
            chains.advance(chain.getKey(), new AuditVerifier.Head(seq, previous));
        }
        chains.append(entries);
    }
}
