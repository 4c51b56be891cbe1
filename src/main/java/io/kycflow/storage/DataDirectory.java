package io.kycflow.storage;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code kycflow.data-dir} (env {@code KYCFLOW_DATA_DIR}) absolute before anything reads it: H2 refuses
 * implicitly relative file paths, and every other user of the folder should agree on one location.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "kycflow.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        var absolute = Path.of(configured.strip()).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("kycflowDataDirectory", Map.of(PROPERTY, absolute)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after config files and the random value source are in place
    }
}
