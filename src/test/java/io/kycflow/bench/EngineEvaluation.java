package io.kycflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.kycflow.support.documents.DocumentSet;
import io.kycflow.support.documents.SyntheticDocument;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Artefact;
import io.kycflow.verification.Capture;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.VerificationEngine;
import io.kycflow.verification.internal.document.Mrz;
import io.kycflow.verification.internal.document.MrzFormat;
import io.kycflow.verification.internal.document.MrzGenerator;
import io.kycflow.verification.internal.document.RealDocumentEngine;
import io.kycflow.verification.internal.face.FaceEngines;
import io.kycflow.verification.internal.face.FaceEvaluationSet;
import io.kycflow.verification.internal.face.FaceMatchEngine;
import io.kycflow.verification.internal.face.LivenessEngine;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One whole PRODUCTION walk through the real engines, per sample face: an LD blink burst, DR on a passport whose
 * portrait is that face, and F2F of LD's kept selfie against DR's portrait, each engine's {@code verify} as the
 * session calls it. Prints how many walks passed all three and the merged engine line of {@code bench/run --engines}:
 * the {@code engine_ms} figures FaceEvaluation and DocumentEvaluation printed (read from the file given as the
 * first argument) followed by {@code full_ld_dr_f2f}, the median CPU ms of one walk.
 * <p>
 * The engines run their checks in the face pool, off the calling thread, so a walk's CPU time is the process's
 * (all threads); after a warm-up the JIT and GC share of it is small on an otherwise idle JVM.
 */
public final class EngineEvaluation {

    public static void main(String[] args) throws InterruptedException {
        var thread = new Thread(null, () -> evaluate(args), "engine-evaluation", 64L << 20);
        thread.start();
        thread.join();
    }

    private static void evaluate(String[] args) {
        var figures = new LinkedHashMap<String, String>();
        if (args.length > 0) {
            figures.putAll(earlier(Path.of(args[0])));
        }
        if (!FaceEvaluationSet.present() || !SyntheticDocument.fontAvailable()) {
            System.out.println("engine_walk skipped: face models, sample photos or the OCR-B font missing");
            System.out.println(line(figures));
            return;
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (var models = FaceEvaluationSet.models()) {
            var engines = new FaceEngines(models, 1);
            try {
                var ld = new LivenessEngine(engines);
                var dr = RealDocumentEngine.finnishPassports(engines);
                var f2f = new FaceMatchEngine(engines);
                var set = engines.run(() -> FaceEvaluationSet.load(engines.analyzer()));
                var walks = new ArrayList<Walk>();
                long seed = 1;
                for (var face : set.faces()) {
                    if (!FaceEvaluation.canBlink(engines, face)) {
                        seed++;
                        continue; // as in the liveness figures: a live walk needs a face shown with open eyes
                    }
                    walks.add(new Walk(face.name(), FaceEvaluationSet.burst(face, FaceEvaluationSet.Burst.BLINK, seed),
                            DocumentSet.passportOf(face.crop(), passport(seed), new Random(seed))));
                    seed++;
                }
                for (var warm : walks.subList(0, Math.min(3, walks.size()))) {
                    walk(ld, dr, f2f, warm); // warm-up: class loading and the JIT's first compiles
                }
                var cpu = new ArrayList<Double>();
                int passed = 0;
                var failed = new java.util.TreeMap<String, Integer>();
                var failures = new ArrayList<String>();
                for (var walk : walks) {
                    long start = os.getProcessCpuTime();
                    var failure = walk(ld, dr, f2f, walk);
                    cpu.add((os.getProcessCpuTime() - start) / 1e6);
                    if (failure == null) {
                        passed++;
                    } else {
                        failures.add(walk.name() + ":" + failure);
                        for (var step : failure.split("\\+")) {
                            failed.merge(step.substring(0, step.indexOf('/')), 1, Integer::sum);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "engine_walk passed=%d walks=%d ld_passed=%d dr_passed=%d f2f_passed=%d%n",
                        passed, walks.size(), walks.size() - failed.getOrDefault("LD", 0),
                        walks.size() - failed.getOrDefault("DR", 0), walks.size() - failed.getOrDefault("F2F", 0));
                failures.forEach(System.err::println);
                figures.put("full_ld_dr_f2f", String.format(Locale.ROOT, "%.0f", FaceEvaluation.median(cpu)));
            } finally {
                engines.destroy();
            }
        }
        System.out.println(line(figures));
    }

    private record Walk(String name, List<byte[]> burst, byte[] passport) {
    }

    /**
     * The walk through the three engines; null when all passed, else each failing step and its reason. All three
     * always run, so that every walk costs a whole walk: when LD keeps no selfie (a failed blink), F2F gets the
     * burst's first frame, and DR's portrait when found.
     */
    private static String walk(VerificationEngine ld, VerificationEngine dr, VerificationEngine f2f, Walk walk) {
        var session = UUID.randomUUID();
        var frames = walk.burst().stream().map(b -> new Capture("frame", "image/jpeg", b)).toList();
        var config = JsonNodeFactory.instance.objectNode().put("challenge", "blink");
        var liveness = ld.verify(new EngineInput(session, TechnologyCode.LD, config, frames, Map.of(), null));
        var earlier = new HashMap<String, Artefact>();
        earlier.put(Artefact.SELFIE, new Artefact(Artefact.SELFIE, "image/jpeg", walk.burst().getFirst()));
        liveness.artefacts().forEach(a -> earlier.put(a.name(), a));
        var document = dr.verify(new EngineInput(session, TechnologyCode.DR, JsonNodeFactory.instance.objectNode(),
                List.of(new Capture("document_front", "image/jpeg", walk.passport())), Map.of(), null));
        document.artefacts().forEach(a -> earlier.put(a.name(), a));
        var match = f2f.verify(new EngineInput(session, TechnologyCode.F2F, JsonNodeFactory.instance.objectNode(),
                List.of(), earlier, null));
        var failures = new ArrayList<String>();
        if (!liveness.passed()) {
            failures.add("LD/" + reason(liveness));
        }
        if (!document.passed()) {
            failures.add("DR/" + reason(document));
        }
        if (!match.passed()) {
            failures.add("F2F/" + reason(match));
        }
        return failures.isEmpty() ? null : String.join("+", failures);
    }

    private static String reason(EngineVerdict verdict) {
        return verdict.failure() == null ? "?" : verdict.failure().type();
    }

    private static MrzGenerator.Document passport(long seed) {
        return new MrzGenerator.Document(MrzFormat.TD3, "P", "FIN", String.format("XW%07d", seed), "LAHTINEN", "SANNA",
                "FIN", LocalDate.of(1988, 4, 12), Mrz.Sex.F, LocalDate.now().plusYears(6), "", "");
    }

    /** The key=value pairs of every {@code engine_ms} line in the earlier evaluations' output. */
    private static Map<String, String> earlier(Path output) {
        var figures = new LinkedHashMap<String, String>();
        try {
            for (var line : Files.readAllLines(output)) {
                if (line.startsWith("engine_ms ")) {
                    for (var pair : line.substring("engine_ms ".length()).trim().split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            figures.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return figures;
    }

    private static String line(Map<String, String> figures) {
        var line = new StringBuilder("engine_ms");
        for (var key : List.of("detect", "descriptor", "face_pair", "ocr_mrz", "viz_ocr", "full_ld_dr_f2f")) {
            line.append(' ').append(key).append('=').append(figures.getOrDefault(key, "n/a"));
        }
        return line.toString();
    }
}
