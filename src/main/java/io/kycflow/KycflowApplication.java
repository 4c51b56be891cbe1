package io.kycflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KycflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(KycflowApplication.class, args);
    }
}
