package io.kycflow.verification.internal.face;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face models, loaded once from a directory ({@code scripts/fetch-models} puts them in
 * {@code $KYCFLOW_MODELS_DIR/face}) into ONNX Runtime sessions, which are safe for concurrent {@code run} calls.
 * Loading never throws: when a file is missing or does not load, the instance is {@linkplain #available()
 * unavailable} and {@link #status()} says why, so that the server starts and refuses real checks instead.
 */
public final class FaceModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaceModels.class);

    /** The models of npm {@code faceplugin-face-recognition-js} 0.0.1 the pipeline uses (docs/models.md). */
    public enum Model {
        DETECT("fr_detect.onnx"),
        LANDMARK("fr_landmark.onnx"),
        FEATURE("fr_feature.onnx"),
        LIVENESS("fr_liveness.onnx"),
        EYE("fr_eye.onnx"),
        POSE("fr_pose.onnx");

        private final String file;

        Model(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    private final Path directory;
    private final Map<Model, OrtSession> sessions;
    private final @Nullable String problem;

    private FaceModels(Path directory, Map<Model, OrtSession> sessions, @Nullable String problem) {
        this.directory = directory;
        this.sessions = sessions;
        this.problem = problem;
    }

    /**
     * Loads the models from {@code directory} (the folder holding {@code fr_detect.onnx} and the others), each
     * session running an inference on {@code intraOpThreads} threads (1: on the calling thread only, so that
     * concurrency is bounded by the caller's pool and CPU time is measurable per call).
     */
    public static FaceModels load(Path directory, int intraOpThreads) {
        var missing = new ArrayList<String>();
        for (Model model : Model.values()) {
            if (!Files.isRegularFile(directory.resolve(model.file()))) {
                missing.add(model.file());
            }
        }
        if (!missing.isEmpty()) {
            return unavailable(directory, "face models missing in " + directory.toAbsolutePath() + ": "
                    + String.join(", ", missing) + " (run scripts/fetch-models)");
        }
        var sessions = new EnumMap<Model, OrtSession>(Model.class);
        try {
            var environment = OrtEnvironment.getEnvironment();
            for (Model model : Model.values()) {
                try (var options = new OrtSession.SessionOptions()) {
                    options.setIntraOpNumThreads(Math.max(1, intraOpThreads));
                    options.setInterOpNumThreads(1);
                    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                    sessions.put(model, environment.createSession(directory.resolve(model.file()).toString(), options));
                }
            }
        } catch (OrtException | RuntimeException | LinkageError e) {
            sessions.values().forEach(FaceModels::closeQuietly);
            return unavailable(directory, "face models in " + directory.toAbsolutePath() + " failed to load: " + e);
        }
        log.info("Face models loaded from {} ({} intra-op thread(s) per inference)", directory.toAbsolutePath(),
                Math.max(1, intraOpThreads));
        return new FaceModels(directory, sessions, null);
    }

    /** {@link #load(Path, int)} with one intra-op thread per inference. */
    public static FaceModels load(Path directory) {
        return load(directory, 1);
    }

    private static FaceModels unavailable(Path directory, String problem) {
        log.warn("Real face engines are UNAVAILABLE: {}", problem);
        return new FaceModels(directory, Map.of(), problem);
    }

    public boolean available() {
        return problem == null;
    }

    /** "available" with the directory, or why the models are unavailable. */
    public String status() {
        return problem != null ? problem : "face models available from " + directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    /** The session of one model; {@link FaceModelsUnavailableException} when the models are unavailable. */
    OrtSession session(Model model) {
        var session = sessions.get(model);
        if (session == null) {
            throw new FaceModelsUnavailableException(status());
        }
        return session;
    }

    List<Model> loaded() {
        return List.copyOf(sessions.keySet());
    }

    @Override
    public void close() {
        sessions.values().forEach(FaceModels::closeQuietly);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException | RuntimeException e) {
            log.debug("closing an ONNX Runtime session failed", e);
        }
    }
}
