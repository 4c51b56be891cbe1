package io.kycflow.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.kycflow.KycflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application the way an operator does (outside the test context cache), on a random port and a data
 * directory the test chooses, so a test can stop it and start it again on the same files.
 */
public record StandaloneApp(ConfigurableApplicationContext context) implements AutoCloseable {

    public static StandaloneApp start(Path dataDir, String... extraArgs) {
        return start(dataDir, List.of(), extraArgs);
    }

    /** Also registers {@code beans} (e.g. a test double the application looks up optionally) before the start. */
    public static StandaloneApp start(Path dataDir, List<?> beans, String... extraArgs) {
        var args = new ArrayList<>(List.of("--server.port=0", "--kycflow.data-dir=" + dataDir.toAbsolutePath()));
        args.addAll(List.of(extraArgs));
        return new StandaloneApp(new SpringApplicationBuilder(KycflowApplication.class).profiles("test")
                .initializers(context -> {
                    int n = 0;
                    for (var bean : beans) {
                        context.getBeanFactory().registerSingleton("testBean" + n++, bean);
                    }
                })
                .run(args.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Http http() {
        return new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @Override
    public void close() {
        context.close();
    }
}
