package io.kycflow.verification.internal.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Random;

import javax.imageio.ImageIO;

import io.kycflow.bench.DocumentEvaluation;
import io.kycflow.support.documents.DocumentPhoto;
import io.kycflow.support.documents.SyntheticDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MRZ reader on synthetic document photos (TD1 backs and TD3 pages rendered in OCR-B, turned up to ±5°, in perspective,
 * blurred, noisy, JPEG 40–90): a seeded subset of the evaluation set, with floors set from measurement
 * (docs/decisions.md: 120 documents read with field accuracy 0.99, 118 entirely right).
 */
class MrzOcrTests {

    static MrzOcr ocr;

    @BeforeAll
    static void font() {
        SyntheticDocument.requireFont();
        ocr = MrzOcr.load(MrzOcr.DEBIAN_OCR_B);
    }

    @Test
    void readsPerturbedPassportsAndIdCardsFieldForField() {
        var result = DocumentEvaluation.run(ocr, 24, 1801);
        result.misreads().forEach(System.err::println);
        // measured 1.00 (23 of 24 entirely right) on this subset; the floor leaves room for one document lost whole
        assertThat(result.fieldAccuracy()).as("MRZ field accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(result.documentsAllRight()).as("documents read entirely right").isGreaterThanOrEqualTo(22);
        // CPU time of the reading thread, not wall time: the target is 1.5 s on these 2-core machines (measured ~0.3 s under load)
        assertThat(result.medianCpuMs()).as("median CPU ms per document").isLessThan(1500);
    }

    @Test
    void aPageWithoutMrzReadsAsNone() throws Exception {
        var random = new Random(3);
        var document = MrzGenerator.random(MrzFormat.TD1, random, LocalDate.of(2026, 12, 1));
        var front = SyntheticDocument.render(document, SyntheticDocument.samplePortrait(0), random).front();
        assertThat(ocr.read(decode(DocumentPhoto.take(front, DocumentPhoto.Perturbation.NONE, random)))).isEmpty();
        assertThat(ocr.read(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB))).isEmpty();
    }

    @Test
    void aMissingFontIsRefusedSayingWhichPackage() {
        var missing = java.nio.file.Path.of("/nonexistent/OCRB.otf");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MrzOcr.load(missing))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fonts-ocr-b");
    }

    static BufferedImage decode(byte[] jpeg) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
