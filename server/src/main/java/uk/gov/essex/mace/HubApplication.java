package uk.gov.essex.mace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * MACE Hub: the multi-agency information-sharing hub for the Essex child exploitation
 * partnership. Each top-level package is one feature; see its {@code package-info.java}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
