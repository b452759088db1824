package io.pledge.audit.jdbc;

import io.pledge.audit.AuditChains;
import io.pledge.audit.AuditEntry;
import io.pledge.audit.AuditVerifier;
import io.pledge.core.jdbc.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Chains in the {@code audit_chain} (heads) and {@code audit_entry} tables. */
@Repository
class JdbcAuditChains implements AuditChains {

    /** Entries per JDBC batch: an import audits thousands of events in one transaction. */
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    // JdbcClient has no batch statement; an import's entries go in batches through the template under it.
    private final JdbcTemplate batch;
    private final TransactionTemplate separately;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    JdbcAuditChains(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void ensure(String chain) {
        if (known.contains(chain)) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> {
                boolean exists = jdbc.sql("select count(*) from audit_chain where chain = :chain")
                                .param("chain", chain)
                                .query(Long.class)
                                .single()
                        > 0;
                if (!exists) {
                    jdbc.sql("insert into audit_chain (chain, head_seq, head_hash) values (:chain, 0, :genesis)")
                            .param("chain", chain)
                            .param("genesis", AuditEntry.GENESIS)
                            .update();
                }
            });
        } catch (DuplicateKeyException createdConcurrently) {
            // Another transaction created it first: as good.
        }
        known.add(chain);
    }

    @Override
    public AuditVerifier.Head lock(String chain) {
        return jdbc.sql("select head_seq, head_hash from audit_chain where chain = :chain for update")
                .param("chain", chain)
                .query(JdbcAuditChains::head)
                .single();
    }

    @Override
    public void advance(String chain, AuditVerifier.Head head) {
        jdbc.sql("update audit_chain set head_seq = :seq, head_hash = :hash where chain = :chain")
                .param("seq", head.seq())
                .param("hash", head.hash())
                .param("chain", chain)
                .update();
    }

    @Override
    public void append(List<AuditEntry> entries) {
        batch.batchUpdate("""
                insert into audit_entry (chain, seq, at, actor, action, subject, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, BATCH, (ps, entry) -> {
            ps.setString(1, entry.chain());
            ps.setLong(2, entry.seq());
            ps.setObject(3, Timestamps.utc(entry.at()));
            ps.setString(4, entry.actor());
            ps.setString(5, entry.action());
            ps.setString(6, entry.subject());
            ps.setString(7, entry.details());
            ps.setString(8, entry.prevHash());
            ps.setString(9, entry.hash());
        });
    }

    @Override
    public Map<String, AuditVerifier.Head> heads() {
        Map<String, AuditVerifier.Head> heads = new LinkedHashMap<>();
        jdbc.sql("select chain, head_seq, head_hash from audit_chain order by chain")
                .query(row -> {
                    heads.put(row.getString("chain"), head(row, 0));
                });
        return heads;
    }

    @Override
    public List<String> headless() {
        return jdbc.sql("select distinct chain from audit_entry where chain not in (select chain from audit_chain)")
                .query(String.class)
                .list();
    }

    @Override
    public Optional<AuditVerifier.Head> head(String chain) {
        return jdbc.sql("select head_seq, head_hash from audit_chain where chain = :chain")
                .param("chain", chain)
                .query(JdbcAuditChains::head)
                .optional();
    }

    @Override
    public List<AuditEntry> entries(String chain, long fromSeq) {
        return jdbc.sql("select * from audit_entry where chain = :chain and seq >= :from order by seq")
                .param("chain", chain)
                .param("from", fromSeq)
                .query((row, i) -> entry(row))
                .list();
    }

    @Override
    public void scan(String chain, Predicate<AuditEntry> each) {
        boolean[] reading = {true};
        jdbc.sql("select * from audit_entry where chain = :chain order by seq")
                .param("chain", chain)
                .query(row -> {
                    if (reading[0]) {
                        reading[0] = each.test(entry(row));
                    }
                });
    }

    @Override
    public Optional<Long> firstOf(String chain, String prefix) {
        return jdbc
                .sql("select min(seq) from audit_entry where chain = :chain and subject like :prefix")
                .param("chain", chain)
                .param("prefix", prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query((row, i) -> {
                    long seq = row.getLong(1);
                    return row.wasNull() ? -1L : seq;
                })
                .list()
                .stream()
                .filter(seq -> seq > 0)
                .findFirst();
    }

    private static AuditVerifier.Head head(ResultSet row, int index) throws SQLException {
        return new AuditVerifier.Head(row.getLong("head_seq"), row.getString("head_hash"));
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(
                row.getString("chain"),
                row.getLong("seq"),
                Timestamps.instant(row, "at"),
                row.getString("actor"),
                row.getString("action"),
                row.getString("subject"),
                row.getString("details"),
                row.getString("prev_hash"),
                row.getString("hash"));
    }
}
