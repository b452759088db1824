package io.pledge.audit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a chain's head row the first time the chain is used, in a transaction of its own (committed
 * at once, so that concurrent first uses meet on the head row instead of racing to create it).
 */
@Component
class AuditChains {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    AuditChains(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void ensure(String chain) {
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
}
