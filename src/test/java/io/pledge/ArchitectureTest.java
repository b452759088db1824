package io.pledge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA maths stays plain Java: the calendar and sla domain, the uptime maths and the pricing of service
 * credits know nothing of Spring, JDBC or Jackson. Web code translates HTTP only: it reaches no table and
 * opens no transaction. Tables are reached through each module's repositories in its {@code jdbc}
 * package (ADR 0027).
 */
class ArchitectureTest {

    private static final JavaClasses PLEDGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pledge");

    private final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.pledge.calendar..",
                    "io.pledge.sla..",
                    "io.pledge.monitoring.uptime..",
                    "io.pledge.reporting.credits..")
            .and()
            .resideOutsideOfPackages(
                    "io.pledge.calendar.web..",
                    "io.pledge.calendar.jdbc..",
                    "io.pledge.sla.web..",
                    "io.pledge.sla.jdbc..",
                    "io.pledge.sla.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "javax.sql..",
                    "com.fasterxml.jackson..",
                    "tools.jackson..",
                    "jakarta.persistence..")
            .because("calendar, SLA, uptime and credit calculations are a plain-Java library inside the service");

    private final ArchRule webTranslatesHttpOnly = noClasses()
            .that()
            .resideInAPackage("io.pledge..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
            .orShould()
            .beAnnotatedWith(Transactional.class)
            .orShould(haveTransactionalMethods())
            .because("controllers translate HTTP; domain services hold the rules and the transactions");

    private final ArchRule tablesBehindRepositories = noClasses()
            .that()
            .resideOutsideOfPackages("io.pledge..jdbc..", "db.migration..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc.core..")
            .because("each module reaches its tables through the repositories in its jdbc package");

    private static ArchCondition<JavaClass> haveTransactionalMethods() {
        return new ArchCondition<>("have @Transactional methods") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getMethods().stream()
                        .filter(method -> method.isAnnotatedWith(Transactional.class))
                        .forEach(method -> events.add(SimpleConditionEvent.violated(method, method.getFullName())));
            }
        };
    }

    @Test
    void webCodeHoldsNoSqlAndNoTransactions() {
        webTranslatesHttpOnly.check(PLEDGE);
    }

    @Test
    void onlyRepositoriesReachTables() {
        tablesBehindRepositories.check(PLEDGE);
    }

    @Test
    void calendarAndSlaDomainCodeIsFreeOfFrameworks() {
        domainIsPlainJava.check(PLEDGE);
    }
}
