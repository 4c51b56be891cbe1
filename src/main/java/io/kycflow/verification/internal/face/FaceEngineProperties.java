package io.kycflow.verification.internal.face;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The real face engines (LD, F2F).
 *
 * @param modelsDir where {@code scripts/fetch-models} put the models (env {@code KYCFLOW_MODELS_DIR}; default
 *                  {@code <data dir>/models}); the face models are read from its {@code face/} folder
 * @param poolSize  how many face checks run at once (0: one per CPU core). More wait their turn: a burst of
 *                  sessions queues instead of decoding and analysing dozens of photos at the same time
 */
@ConfigurationProperties("kycflow.engines")
public record FaceEngineProperties(Path modelsDir, @DefaultValue("0") int poolSize) {

    public FaceEngineProperties {
        if (poolSize < 0 || poolSize > 256) {
            throw new IllegalArgumentException("kycflow.engines.pool-size must be 0 (one per core) to 256");
        }
    }

    /** The configured size, or the number of cores for 0. */
    public int effectivePoolSize() {
        return poolSize == 0 ? Runtime.getRuntime().availableProcessors() : poolSize;
    }
}
