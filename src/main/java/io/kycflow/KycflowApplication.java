package io.kycflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KycflowApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(KycflowApplication.class, args);
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // build-time AOT processing ends the run on purpose
        } catch (Throwable e) {
            // Spring Boot has already reported why, an Error as much as an exception. Exit instead of returning: a
            // thread that is not a daemon (the MCP SDK's session sweeper runs on one) would otherwise keep a server
            // that failed to start alive for ever.
            System.exit(1);
        }
    }
}
