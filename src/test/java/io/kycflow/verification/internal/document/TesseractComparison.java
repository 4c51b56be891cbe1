package io.kycflow.verification.internal.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

import io.kycflow.support.documents.DocumentSet;

/**
 * The measurement behind the OCR choice (docs/decisions.md): Debian's Tesseract 5.3 ({@code eng}, MRZ alphabet
 * whitelist, one block of text) reading the MRZ band that our locator found and straightened, against our OCR-B
 * template recogniser on the same documents. Tesseract runs as the {@code tesseract} command (one thread,
 * OMP_THREAD_LIMIT=1); its CPU time is the child's user + system time as bash's {@code time} reports it, so the
 * figure includes process start and model load (~tens of ms), which a Tess4J call would not pay per document.
 * <pre>
 *   java … TesseractComparison [documents (40)] [seed (18)]
 * </pre>
 */
public final class TesseractComparison {

    public static void main(String[] args) throws Exception {
        var worker = new Thread(null, () -> {
            try {
                compare(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "tesseract-comparison", 64L << 20); // room for ONNX Runtime's start (see DocumentEvaluation)
        worker.start();
        worker.join();
    }

    private static void compare(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 18;
        var today = io.kycflow.bench.DocumentEvaluation.TODAY;
        var parser = new MrzParser(Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        var samples = DocumentSet.generate(seed, documents, today);
        int fields = 0;
        int right = 0;
        int located = 0;
        var cpu = new ArrayList<Double>();
        var dir = Files.createTempDirectory("kycflow-tesseract");
        for (int i = 0; i < samples.size(); i++) {
            var sample = samples.get(i);
            var truth = parser.parse(sample.mrz());
            var grey = GreyImage.of(ImageIO.read(new ByteArrayInputStream(sample.mrzSide())), MrzOcr.WORKING_SIDE);
            var lines = MrzLocator.locate(grey);
            fields += io.kycflow.bench.DocumentEvaluation.FIELDS.size();
            if (lines.isEmpty()) {
                continue;
            }
            located++;
            var band = dir.resolve("band" + i + ".png");
            ImageIO.write(band(grey, lines), "png", band.toFile());
            var process = new ProcessBuilder("bash", "-c", "TIMEFORMAT='%U %S'; time tesseract " + band
                    + " stdout --psm 6 -l eng -c tessedit_char_whitelist=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\\< 2>/dev/null")
                    .redirectErrorStream(true);
            process.environment().put("OMP_THREAD_LIMIT", "1");
            var running = process.start();
            var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            running.waitFor();
            var times = output.getLast().split(" ");
            cpu.add((Double.parseDouble(times[0]) + Double.parseDouble(times[1])) * 1000);
            var text = output.subList(0, output.size() - 1).stream().map(l -> l.replace(" ", ""))
                    .filter(l -> l.length() >= 25).toList();
            Mrz read;
            try {
                read = parser.parse(text);
            } catch (UnreadableMrzException e) {
                System.err.println("#" + i + " unreadable: " + text);
                continue;
            }
            for (var field : io.kycflow.bench.DocumentEvaluation.FIELDS) {
                if (Objects.equals(field.apply(truth), field.apply(read))) {
                    right++;
                }
            }
        }
        var sorted = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("tesseract mrz_field_accuracy=%.2f documents=%d located=%d median_cpu_ms=%.0f%n",
                right / (double) fields, samples.size(), located, sorted.length == 0 ? 0 : sorted[sorted.length / 2]);
        var ours = io.kycflow.bench.DocumentEvaluation.run(MrzOcr.load(MrzOcr.DEBIAN_OCR_B), documents, seed);
        System.out.printf("ours      mrz_field_accuracy=%.2f documents=%d median_cpu_ms=%.0f%n", ours.fieldAccuracy(),
                ours.documents(), ours.medianCpuMs());
        System.err.println(Arrays.toString(sorted));
    }

    /** The located lines straightened and stacked at their own scale, white margins around: what Tesseract reads. */
    static BufferedImage band(GreyImage grey, List<MrzLocator.Line> lines) {
        int lineHeight = (int) Math.round(lines.getFirst().charHeight() * 1.5);
        int width = (int) Math.round(lines.getFirst().length() + 4 * lines.getFirst().charHeight());
        var image = new BufferedImage(width, lineHeight * lines.size() + lineHeight, BufferedImage.TYPE_BYTE_GRAY);
        var raster = image.getRaster();
        for (int l = 0; l < lines.size(); l++) {
            var line = lines.get(l);
            double ux = (line.x1() - line.x0()) / line.length();
            double uy = (line.y1() - line.y0()) / line.length();
            for (int r = 0; r < lineHeight; r++) {
                double across = r - lineHeight / 2.0;
                for (int c = 0; c < width; c++) {
                    double along = c - 2 * line.charHeight();
                    float value = grey.sample(line.x0() + along * ux - across * uy, line.y0() + along * uy + across * ux);
                    raster.setSample(c, lineHeight / 2 + l * lineHeight + r, 0, Math.round(value));
                }
            }
        }
        for (int y = 0; y < lineHeight / 2; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, 255);
                raster.setSample(x, image.getHeight() - 1 - y, 0, 255);
            }
        }
        return image;
    }
}
