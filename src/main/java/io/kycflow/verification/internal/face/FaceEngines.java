package io.kycflow.verification.internal.face;

import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.kycflow.verification.internal.CaptureDecoding;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The face models, loaded once when the server starts, and the bounded pool every face check runs in. Without the
 * models the server still starts: {@link FaceModels#load} logs one WARN saying real face engines are unavailable,
 * and the LD and F2F engines report themselves {@linkplain io.kycflow.verification.VerificationEngine#available()
 * unavailable}.
 * <p>
 * The pool is {@link FaceEngineProperties#effectivePoolSize()} platform threads around a whole check (decoding
 * included, which is where the memory goes): a burst of checks waits in the pool's queue, in arrival order, instead
 * of decoding and analysing every photo at once. The threads have 16 MB stacks, and the models are loaded on such a
 * thread too: ONNX Runtime's model loading and inference run native code on the calling thread's stack, and a JVM
 * main thread with a smaller stack crashed (SIGSEGV) loading these models when the command line was long.
 */
@Component
public class FaceEngines implements DisposableBean {

    private static final long STACK_BYTES = 16L * 1024 * 1024;

    private final FaceModels models;
    private final FaceAnalyzer analyzer;
    private final ExecutorService pool;
    private final int poolSize;

    @Autowired
    FaceEngines(FaceEngineProperties properties) {
        this(loadOnLargeStack(properties), properties.effectivePoolSize());
    }

    public FaceEngines(FaceModels models, int poolSize) {
        this.models = models;
        this.analyzer = new FaceAnalyzer(models);
        this.poolSize = poolSize;
        var counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(poolSize, task -> {
            var thread = new Thread(null, task, "face-engine-" + counter.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static FaceModels loadOnLargeStack(FaceEngineProperties properties) {
        var loaded = new FaceModels[1];
        var loader = new Thread(null, () -> loaded[0] = FaceModels.load(properties.modelsDir().resolve("face")),
                "face-models-loader", STACK_BYTES);
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the face models", e);
        }
        if (loaded[0] == null) {
            throw new IllegalStateException("loading the face models failed unexpectedly (see the log)");
        }
        return loaded[0];
    }

    public boolean available() {
        return models.available();
    }

    public FaceAnalyzer analyzer() {
        return analyzer;
    }

    /** An analyzer with other detection settings on the same loaded models (document portraits use tiles). */
    public FaceAnalyzer analyzer(FaceAnalyzer.Settings settings) {
        return new FaceAnalyzer(models, settings);
    }

    public int poolSize() {
        return poolSize;
    }

    /** Runs a check on a pool thread once one is free (waiting in arrival order) and returns its result. */
    public <T> T run(Supplier<T> check) {
        Future<T> future = pool.submit(check::get);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a face engine", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("face check failed", e.getCause());
        }
    }

    /** Checks waiting for a pool thread now. */
    public int queued() {
        return pool instanceof java.util.concurrent.ThreadPoolExecutor executor ? executor.getQueue().size() : 0;
    }

    /** Decodes a checked capture (JPEG, PNG or WebP): null when it cannot be decoded. */
    public static @Nullable FacePicture decode(byte[] bytes) {
        BufferedImage image = CaptureDecoding.decode(bytes);
        return image == null ? null : FacePicture.of(image);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
        models.close();
    }
}
