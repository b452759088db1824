package io.pledge.tickets;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A count of the writes that may change the desk's figures (tickets, their clocks, the thresholds fired),
 * made by this process: the repositories that write them call {@link #changed()}, and the count moves once
 * the writing transaction has ended, so that figures counted after reading an unchanged count cannot miss a
 * write. {@link DeskFigures} counts the clocks again only when it moved, or when time alone may have
 * changed them.
 */
@Component
public class DeskChanges {

    private final AtomicLong count = new AtomicLong();

    /** The count now: read it before reading the figures it stands for. */
    public long current() {
        return count.get();
    }

    /** A write that may change the figures; counted when its transaction ends (at once outside one). */
    public void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.incrementAndGet();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                count.incrementAndGet();
            }
        });
    }
}
