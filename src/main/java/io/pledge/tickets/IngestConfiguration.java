package io.pledge.tickets;

import io.pledge.core.GroupCommit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ingest's writer thread, started and stopped with the application. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    GroupCommit<Ingest.Request, Ingest.BatchResult> ingestGroupCommit(IngestWriter writes) {
        return Ingest.writer(writes);
    }
}
