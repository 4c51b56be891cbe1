package io.kycflow.verification.internal.face;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The face models, loaded once when the server starts, and the bounded pool every face check runs in. Without the
 * models the server still starts: {@link FaceModels#load} logs one WARN saying real face engines are unavailable,
 * and the LD and F2F engines report themselves {@linkplain io.kycflow.verification.VerificationEngine#available()
 * unavailable}.
 * <p>
 * The pool is a fair semaphore of {@link FaceEngineProperties#effectivePoolSize()} permits around a whole check
 * (decoding included, which is where the memory goes): the check runs on the caller's thread, so its CPU time stays
 * measurable, and a burst of checks waits in arrival order instead of decoding every photo at once.
 */
@Component
public class FaceEngines implements DisposableBean {

    private final FaceModels models;
    private final FaceAnalyzer analyzer;
    private final Semaphore permits;
    private final int poolSize;

    FaceEngines(FaceEngineProperties properties) {
        this(FaceModels.load(properties.modelsDir().resolve("face")), properties.effectivePoolSize());
    }

    public FaceEngines(FaceModels models, int poolSize) {
        this.models = models;
        this.analyzer = new FaceAnalyzer(models);
        this.poolSize = poolSize;
        this.permits = new Semaphore(poolSize, true);
    }

    public boolean available() {
        return models.available();
    }

    public FaceAnalyzer analyzer() {
        return analyzer;
    }

    public int poolSize() {
        return poolSize;
    }

    /** Runs a check once a permit is free (waiting in arrival order). */
    public <T> T run(Supplier<T> check) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a face engine", e);
        }
        try {
            return check.get();
        } finally {
            permits.release();
        }
    }

    /** Checks waiting for a permit now (an estimate, for tests and monitoring). */
    public int queued() {
        return permits.getQueueLength();
    }

    /** Decodes a checked capture (JPEG or PNG; ImageIO reads no WebP): null when it cannot be decoded. */
    public static @Nullable FacePicture decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image == null ? null : FacePicture.of(image);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        models.close();
    }
}
