package io.pledge.bench;

import io.pledge.PledgeApplication;
import io.pledge.advisor.AdvisorReport;
import io.pledge.advisor.Replay;
import io.pledge.advisor.TargetAdvisor;
import io.pledge.advisor.WhatIfReplays;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.Tier;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.Scope;
import io.pledge.reporting.ReportPeriod;
import io.pledge.sla.SlaPolicyDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The what-if replay and the target advisor over the year of 1,000,000 tickets that {@code bench/reports.sh
 * generate} writes to PostgreSQL (issue 19: the replay of every ticket under a proposal in under 10 s, the
 * advisor for every tier over the year in under 3 s). Starts Pledge without its web server on the database of
 * {@code PLEDGE_DB_URL}, then, warm, one round after another: the replay of every tier's tickets raised in the
 * year under a proposal (each target of the tier's policy in force three quarters as long), every client, as
 * the API calls it ({@link WhatIfReplays#replay}, reads included), and the advisor for every tier and client
 * over the year ({@link TargetAdvisor#advise}).
 *
 * <p>Arguments: the year's first and last days (2025-12-01 and 2026-11-30), rounds (5), warm-up rounds (2).
 */
public final class AdvisorBenchmark {

    private AdvisorBenchmark() {}

    public static void main(String[] args) {
        String from = args.length > 0 ? args[0] : "2025-12-01";
        String to = args.length > 1 ? args[1] : "2026-11-30";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        SpringApplication application = new SpringApplication(PledgeApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(
                "--logging.level.root=WARN", "--logging.level.io.pledge=WARN")) {
            run(context, ReportPeriod.parse(null, from, to), rounds, warmUp);
        }
    }

    static void run(ConfigurableApplicationContext context, ReportPeriod period, int rounds, int warmUp) {
        WhatIfReplays replays = context.getBean(WhatIfReplays.class);
        TargetAdvisor advisor = context.getBean(TargetAdvisor.class);
        Tiers tiers = context.getBean(Tiers.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Scope all = Scope.everything();
        System.out.printf(
                "database: %d tickets, %d clock rows, %d events; period %s%n",
                jdbc.sql("select count(*) from ticket").query(Long.class).single(),
                jdbc.sql("select count(*) from ticket_clock").query(Long.class).single(),
                jdbc.sql("select count(*) from ticket_event").query(Long.class).single(),
                period.label());
        List<Tier> every =
                tiers.all().stream().sorted(Comparator.comparing(Tier::name)).toList();
        Map<Tier, PolicyTerms> proposals = new LinkedHashMap<>();
        for (Tier tier : every) {
            proposals.put(tier, replays.terms(tighter(tier.currentPolicy().terms().toDocument()), "policy."));
        }
        Supplier<String> replay = () -> {
            long tickets = 0;
            long changed = 0;
            StringBuilder lines = new StringBuilder();
            for (Map.Entry<Tier, PolicyTerms> proposal : proposals.entrySet()) {
                Replay one = replays.replay(proposal.getKey(), proposal.getValue(), null, period, List.of(), all);
                tickets += one.tickets();
                changed += one.changedTickets();
                for (Replay.Line line : one.metrics()) {
                    lines.append(String.format(
                            " %s %s met %s%% -> %s%%;",
                            one.tier(),
                            line.metric(),
                            line.current().metPercent(),
                            line.proposed().metPercent()));
                }
            }
            return tickets + " tickets replayed, " + changed + " changed;" + lines;
        };
        Supplier<String> advice = () -> {
            AdvisorReport report =
                    advisor.advise(period, Optional.empty(), Optional.empty(), TargetAdvisor.DEFAULT_COMPLIANCE, all);
            long clocks = report.lines().stream()
                    .mapToLong(AdvisorReport.Line::clocks)
                    .sum();
            return report.lines().size() + " lines, " + clocks + " clocks";
        };
        Map<String, Supplier<String>> timed = new LinkedHashMap<>();
        timed.put("replay, every tier", replay);
        timed.put("advisor, every tier", advice);
        for (int round = 0; round < warmUp; round++) {
            for (Map.Entry<String, Supplier<String>> entry : timed.entrySet()) {
                long started = System.nanoTime();
                String result = entry.getValue().get();
                System.out.printf(
                        "warm-up %s: %d ms; %s%n", entry.getKey(), (System.nanoTime() - started) / 1_000_000, result);
            }
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Supplier<String>> entry : timed.entrySet()) {
                long started = System.nanoTime();
                entry.getValue().get();
                long took = (System.nanoTime() - started) / 1_000_000;
                times.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(took);
                System.out.printf("round %d %s: %d ms%n", round + 1, entry.getKey(), took);
            }
        }
        System.out.printf("%-22s %-40s %10s %8s %8s%n", "what", "rounds (ms)", "median", "min", "max");
        times.forEach((name, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            System.out.printf(
                    "%-22s %-40s %10d %8d %8d%n",
                    name, list, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
        });
    }

    /** The policy with every target three quarters as long, to the second. */
    static TierPolicyDocument tighter(TierPolicyDocument policy) {
        List<SlaPolicyDocument.TargetDocument> targets = policy.targets().stream()
                .map(t -> new SlaPolicyDocument.TargetDocument(
                        t.priority(),
                        t.metric(),
                        Duration.ofSeconds(Duration.parse(t.target()).toSeconds() * 3 / 4)
                                .toString(),
                        t.calendarId()))
                .toList();
        return new TierPolicyDocument(
                targets,
                policy.thresholds(),
                policy.warnBefore(),
                policy.pauseStatuses(),
                policy.reopenRule(),
                policy.priorityChangeRule(),
                policy.uptimeTarget(),
                policy.credits(),
                policy.creditCapPercent(),
                policy.creditsPer(),
                policy.ticketCredits());
    }
}
