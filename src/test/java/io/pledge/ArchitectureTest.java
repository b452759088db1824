package io.pledge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The SLA maths stays plain Java: the calendar and sla domain, the uptime maths and the pricing of service
 * credits know nothing of Spring, JDBC or Jackson.
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

    @Test
    void calendarAndSlaDomainCodeIsFreeOfFrameworks() {
        domainIsPlainJava.check(PLEDGE);
    }
}
