package io.pledge;

import io.pledge.tickets.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Pledge: SLA management for managed service providers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PledgeApplication {

    public static void main(String[] args) {
        if (ImportCommand.isRequested(args)) {
            SpringApplication application = new SpringApplication(PledgeApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setLogStartupInfo(false);
            int exit;
            try (ConfigurableApplicationContext context = application.run("--logging.level.root=WARN")) {
                exit = ImportCommand.run(context, args, System.out);
            }
            System.exit(exit);
        }
        SpringApplication.run(PledgeApplication.class, args);
    }
}
