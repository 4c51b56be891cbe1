package io.kycflow.media;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.kycflow.support.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The media contract with its tables on a real PostgreSQL server (profile {@code postgres}) and the file store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kycflow.session.public-base-url=" + MediaFixtures.PUBLIC_BASE})
@ActiveProfiles({"test", "postgres"})
class MediaPostgresTests extends MediaContract {

    @Autowired DataSource dataSource;
    @Value("${kycflow.data-dir}") Path dataDirectory;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.registerNewDatabase(registry); // with the master key PostgreSQL requires
    }

    @Override
    byte[] rawBlob(MediaRef ref) {
        try {
            return Files.readAllBytes(dataDirectory.resolve("media/" + ref.organizationId() + "/" + ref.sessionId() + "/" + ref.id()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsOnPostgresqlWithTheConfiguredKeyAndGeneratesNone() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(masterKey).isEqualTo(io.kycflow.security.MasterKey.fromBase64(EmbeddedPostgresSupport.MASTER_KEY));
        assertThat(dataDirectory.resolve("master.key")).doesNotExist();
    }
}
