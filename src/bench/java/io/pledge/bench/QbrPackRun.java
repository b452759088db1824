package io.pledge.bench;

import io.pledge.PledgeApplication;
import io.pledge.core.Scope;
import io.pledge.reporting.QbrPacks;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * QBR packs from the database {@link ReportData} filled, as a scheduled run renders them: first one pack
 * warm (a Gold client with two monitors: assembly alone as HTML, then the PDF), then {@code PACKS} clients'
 * packs one after the other in this JVM (start it with {@code -Xmx512m}), with the time of each, the total,
 * the peak of heap used (sampled after every pack, and the heap pools' own peaks) and the garbage
 * collections. Usage: {@code QbrPackRun PERIOD PACKS [WARM_CLIENT]}.
 */
public final class QbrPackRun {

    private QbrPackRun() {}

    public static void main(String[] args) {
        String period = args.length > 0 ? args[0] : "2026-Q3";
        int packs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String warmClient = args.length > 2 ? args[2] : "client-0000";
        SpringApplication application = new SpringApplication(PledgeApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context =
                application.run("--logging.level.root=WARN", "--logging.level.io.pledge=WARN")) {
            QbrPacks qbr = context.getBean(QbrPacks.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Scope all = Scope.everything();
            System.out.printf("max heap %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);

            // One pack, warm.
            for (int i = 0; i < 8; i++) {
                qbr.pdf(warmClient, period, all);
            }
            List<Long> html = new ArrayList<>();
            List<Long> pdf = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                qbr.html(warmClient, period, all);
                html.add(System.nanoTime() - started);
                started = System.nanoTime();
                bytes = qbr.pdf(warmClient, period, all).content().length;
                pdf.add(System.nanoTime() - started);
            }
            int monitors = jdbc.sql("select count(*) from monitor m join client c on c.id = m.client_id"
                            + " where c.slug = :slug")
                    .param("slug", warmClient)
                    .query(Integer.class)
                    .single();
            System.out.printf(
                    "one pack warm (%s, %d monitors, %d bytes): figures and HTML median %.0f ms (min %.0f),"
                            + " PDF median %.0f ms (min %.0f, max %.0f)%n",
                    warmClient,
                    monitors,
                    bytes,
                    median(html),
                    min(html),
                    median(pdf),
                    min(pdf),
                    max(pdf));

            // A scheduled run: one client's pack after the other.
            List<String> slugs = jdbc.sql("select slug from client order by slug limit :n")
                    .param("n", packs)
                    .query(String.class)
                    .list();
            System.gc();
            long before = usedHeap();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long collections = collections();
            long collectionMillis = collectionMillis();
            long peakSampled = 0;
            List<Long> each = new ArrayList<>();
            long total = 0;
            long started = System.nanoTime();
            for (String slug : slugs) {
                long one = System.nanoTime();
                total += qbr.pdf(slug, period, all).content().length;
                each.add(System.nanoTime() - one);
                peakSampled = Math.max(peakSampled, usedHeap());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            System.gc();
            long after = usedHeap();
            System.out.printf(
                    "%d packs in %.1f s (%.0f ms each on average; median %.0f ms, max %.0f ms), %d MiB of PDF%n",
                    slugs.size(),
                    seconds,
                    seconds * 1000 / slugs.size(),
                    median(each),
                    max(each),
                    total >> 20);
            System.out.printf(
                    "heap: used %d MiB before, %d MiB after (both after a full collection); peak sampled after each"
                            + " pack %d MiB; sum of the heap pools' peaks %d MiB (an upper bound); %d collections,"
                            + " %d ms%n",
                    before >> 20,
                    after >> 20,
                    peakSampled >> 20,
                    poolPeaks >> 20,
                    collections() - collections,
                    collectionMillis() - collectionMillis);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static double median(List<Long> nanos) {
        return nanos.stream().sorted().toList().get(nanos.size() / 2) / 1e6;
    }

    private static double min(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
    }

    private static double max(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }
}
