package io.kycflow.bench;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.kycflow.support.documents.DocumentSet;
import io.kycflow.verification.internal.document.MrzFormat;
import io.kycflow.verification.internal.document.MrzParser;
import io.kycflow.verification.internal.document.VisualZone;
import io.kycflow.verification.internal.document.VisualZones;

/**
 * The visual zone's part of {@link DocumentEvaluation}: the same kind of synthetic documents, their visual zone read
 * by Tesseract ({@link VisualZones}) against the MRZ as printed (so an MRZ misread does not count against the visual
 * zone). A field is right when the value read equals what was printed (a date as the same date); a document is
 * consistent when no field read disagrees with the MRZ. Tampered documents ({@link DocumentSet#tampered}) measure how
 * often a changed surname or birth date is caught as a mismatch, clean ones how often a mismatch is a false alarm.
 */
public final class VisualZoneEvaluation {

    /** What one run measured. */
    public record Result(int documents, int fieldsRight, int consistent, int falseMismatches, int tampered,
                         int tamperCaught, long[] cpuNanos, List<String> misreads) {

        public double fieldAccuracy() {
            return documents == 0 ? 0 : fieldsRight / (documents * 5.0);
        }

        public double consistentRate() {
            return documents == 0 ? 0 : consistent / (double) documents;
        }

        public double tamperDetection() {
            return tampered == 0 ? 0 : tamperCaught / (double) tampered;
        }

        public double medianCpuMs() {
            var sorted = cpuNanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        }
    }

    private VisualZoneEvaluation() {
    }

    public static Result run(int documents, long seed) {
        var parser = new MrzParser(Clock.fixed(DocumentEvaluation.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
        var threads = ManagementFactory.getThreadMXBean();
        int right = 0;
        int consistent = 0;
        int falseMismatches = 0;
        var cpu = new long[documents];
        var misreads = new ArrayList<String>();
        var samples = DocumentSet.generate(seed, documents, DocumentEvaluation.TODAY);
        for (int i = 0; i < samples.size(); i++) {
            var sample = samples.get(i);
            var d = sample.document();
            var mrz = parser.parse(sample.mrz());
            long start = threads.getCurrentThreadCpuTime();
            var zone = VisualZones.read(sample.front(), d.format() != MrzFormat.TD1, mrz);
            cpu[i] = threads.getCurrentThreadCpuTime() - start;
            int correct = (same(zone.surname(), d.surname()) ? 1 : 0) + (same(zone.givenNames(), d.givenNames()) ? 1 : 0)
                    + (same(zone.documentNumber(), d.documentNumber()) ? 1 : 0)
                    + (same(zone.birthDate(), d.birthDate() == null ? null : d.birthDate().toString()) ? 1 : 0)
                    + (same(zone.expiryDate(), d.expiryDate() == null ? null : d.expiryDate().toString()) ? 1 : 0);
            right += correct;
            consistent += zone.consistent() ? 1 : 0;
            falseMismatches += zone.mismatch() ? 1 : 0;
            if (correct < 5 || !zone.consistent()) {
                misreads.add("#" + i + " " + d.format() + " " + sample.perturbation() + "\n  printed " + d.surname()
                        + " | " + d.givenNames() + " | " + d.documentNumber() + " | " + d.birthDate() + " | "
                        + d.expiryDate() + "\n  read    " + zone);
            }
        }
        int tampered = Math.max(2, documents / 2);
        int caught = 0;
        for (var sample : DocumentSet.tampered(seed + 1, tampered, DocumentEvaluation.TODAY)) {
            var zone = VisualZones.read(sample.front(), sample.document().format() != MrzFormat.TD1,
                    parser.parse(sample.mrz()));
            caught += zone.mismatch() ? 1 : 0;
            if (!zone.mismatch()) {
                misreads.add("tampered, not caught: " + sample.document().format() + " " + sample.perturbation()
                        + "\n  MRZ     " + sample.document().surname() + " | " + sample.document().birthDate()
                        + "\n  read    " + zone);
            }
        }
        return new Result(documents, right, consistent, falseMismatches, tampered, caught, cpu, misreads);
    }

    /**
     * A field read right: the value printed (names compared without their spaces, which the printed line may lose);
     * a field not printed (an unknown date) is right when nothing was read.
     */
    private static boolean same(VisualZone.Field field, String printed) {
        if (printed == null || printed.isEmpty()) {
            return field.value() == null;
        }
        return field.value() != null && Objects.equals(field.value().replace(" ", ""), printed.replace(" ", ""));
    }
}
