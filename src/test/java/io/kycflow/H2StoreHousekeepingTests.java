package io.kycflow;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store written one commit at a time, as the runtime API does at low load: housekeeping gives back
 * the chunks that only a few live pages held on to. RETENTION_TIME=0 lets H2 reuse space at once, so the test
 * needs no 45 s wait.
 */
class H2StoreHousekeepingTests {

    @Test
    void rewritesSparseChunksSoTheStoreStopsHoldingDeadSpace() throws Exception {
        var url = "jdbc:h2:file:" + Files.createTempDirectory("kycflow-h2-housekeeping").resolve("db")
                + ";WRITE_DELAY=0;RETENTION_TIME=0";
        var dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE item (id UUID PRIMARY KEY, owner UUID NOT NULL, body VARCHAR(200) NOT NULL)").update();
        jdbc.sql("CREATE INDEX item_owner_ix ON item (owner)").update();
        var owner = UUID.randomUUID();
        for (int i = 0; i < 3000; i++) { // autocommit: one chunk per row
            jdbc.sql("INSERT INTO item VALUES (?, ?, ?)").params(UUID.randomUUID(), owner, "x".repeat(150)).update();
        }
        var before = storeInfo(jdbc);

        var housekeeping = new H2StoreHousekeeping(dataSource, Duration.ofHours(1)); // rounds run by hand below
        housekeeping.start();
        try {
            assertThat(housekeeping.isRunning()).isTrue();
            for (int round = 0; round < 100 && storeInfo(jdbc).fillRate() < 80; round++) {
                housekeeping.compactOnce();
            }
        } finally {
            housekeeping.stop();
        }
        var after = storeInfo(jdbc);

        assertThat(before.fillRate()).as("chunks are mostly dead space before").isLessThan(30);
        assertThat(after.fillRate()).as("live share of the chunks after").isGreaterThanOrEqualTo(80);
        assertThat(after.chunks()).as("chunk count after").isLessThan(before.chunks() / 4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single()).isEqualTo(3000);
        dataSource.destroy();
    }

    private static StoreInfo storeInfo(JdbcClient jdbc) {
        return new StoreInfo(setting(jdbc, "info.CHUNKS_FILL_RATE"), setting(jdbc, "info.CHUNK_COUNT"));
    }

    private static int setting(JdbcClient jdbc, String name) {
        return Integer.parseInt(jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")
                .param(name).query(String.class).single());
    }

    private record StoreInfo(int fillRate, int chunks) {
    }
}
