package io.kycflow.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.imageio.ImageIO;

import io.kycflow.support.documents.DocumentSet;
import io.kycflow.verification.internal.document.Mrz;
import io.kycflow.verification.internal.document.MrzOcr;
import io.kycflow.verification.internal.document.MrzParser;
import io.kycflow.verification.internal.document.UnreadableMrzException;

/**
 * The document-recognition evaluation: synthetic document photos (mixed TD1/TD3, perturbed, seeded) read by the MRZ
 * OCR and parsed; prints the fraction of MRZ fields read exactly right over all documents and the median CPU time of
 * one document's OCR + parse (decode, locate, read, parse), on the calling thread.
 * <pre>
 *   mrz_field_accuracy=0.97 documents=120
 *   engine_ms ocr_mrz=…
 *   viz_field_accuracy=… viz_consistent=… documents=120
 *   viz_tamper_detect=… tampered=60 viz_false_mismatch=…
 *   engine_ms viz_ocr=…
 * </pre>
 * The visual-zone lines ({@link VisualZoneEvaluation}) need Debian's Tesseract; without it they are left out, saying so.
 * Arguments: [documents (120)] [seed (18)]. {@code bench/run --engines} calls it by this name.
 */
public final class DocumentEvaluation {

    /** The fields compared: every field a client of the parse endpoint gets. */
    public static final List<Function<Mrz, Object>> FIELDS = List.of(Mrz::documentCode, Mrz::issuingCountry,
            Mrz::documentNumber, Mrz::surname, Mrz::givenNames, Mrz::nationality, Mrz::birthDate, Mrz::sex,
            Mrz::expiryDate, Mrz::optionalData, Mrz::optionalData2);
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /** What one run measured. */
    public record Result(int documents, int fields, int fieldsRight, int documentsAllRight, long[] cpuNanos,
                         List<String> misreads) {

        public double fieldAccuracy() {
            return fields == 0 ? 0 : fieldsRight / (double) fields;
        }

        public double medianCpuMs() {
            var sorted = cpuNanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // ONNX Runtime's first environment (the face detector that crops the sample portraits) overflowed the
        // launcher's main-thread stack when the class path was long (SIGSEGV): run on a thread with room
        var worker = new Thread(null, () -> evaluate(args), "document-evaluation", 64L << 20);
        worker.start();
        worker.join();
    }

    private static void evaluate(String[] args) {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 18;
        var result = run(MrzOcr.load(MrzOcr.DEBIAN_OCR_B), documents, seed);
        result.misreads().forEach(System.err::println);
        System.out.printf("mrz_field_accuracy=%.2f documents=%d%n", result.fieldAccuracy(), result.documents());
        System.out.printf("engine_ms ocr_mrz=%.0f%n", result.medianCpuMs());
        System.out.printf("(documents read entirely right: %d of %d)%n", result.documentsAllRight(), result.documents());
        if (!io.kycflow.verification.internal.document.VisualZones.installed()) {
            System.out.println("(visual zone not measured: Tesseract is not installed)");
            return;
        }
        var viz = VisualZoneEvaluation.run(documents, seed);
        viz.misreads().forEach(System.err::println);
        System.out.printf("viz_field_accuracy=%.2f viz_consistent=%.2f documents=%d%n", viz.fieldAccuracy(),
                viz.consistentRate(), viz.documents());
        System.out.printf("viz_tamper_detect=%.2f tampered=%d viz_false_mismatch=%d%n", viz.tamperDetection(),
                viz.tampered(), viz.falseMismatches());
        System.out.printf("engine_ms viz_ocr=%.0f%n", viz.medianCpuMs());
    }

    public static Result run(MrzOcr ocr, int documents, long seed) {
        var parser = new MrzParser(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        var threads = ManagementFactory.getThreadMXBean();
        var samples = DocumentSet.generate(seed, documents, TODAY);
        int right = 0;
        int allRight = 0;
        var cpu = new long[samples.size()];
        var misreads = new ArrayList<String>();
        for (int i = 0; i < samples.size(); i++) {
            var sample = samples.get(i);
            var truth = parser.parse(sample.mrz());
            long start = threads.getCurrentThreadCpuTime();
            Mrz read = readAndParse(ocr, parser, sample.mrzSide());
            cpu[i] = threads.getCurrentThreadCpuTime() - start;
            int correct = 0;
            for (var field : FIELDS) {
                if (read != null && Objects.equals(field.apply(truth), field.apply(read))) {
                    correct++;
                }
            }
            right += correct;
            if (correct == FIELDS.size()) {
                allRight++;
            } else {
                misreads.add("#" + i + " " + sample.document().format() + " " + sample.perturbation() + "\n  printed "
                        + sample.mrz() + "\n  read    " + (read == null ? "nothing" : read.rawLines()));
            }
        }
        return new Result(samples.size(), samples.size() * FIELDS.size(), right, allRight, cpu, misreads);
    }

    private static Mrz readAndParse(MrzOcr ocr, MrzParser parser, byte[] jpeg) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(jpeg));
            var lines = ocr.read(image);
            return lines.isEmpty() ? null : parser.parse(lines.get());
        } catch (UnreadableMrzException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
