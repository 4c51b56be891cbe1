package io.kycflow.verification.internal.document;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Optical reading of the MRZ from a photo of a document, by our own recogniser for the MRZ's fixed OCR-B alphabet
 * ({@link MrzLocator} finds the lines, {@link MrzRecognizer} reads them); the text then goes to {@link MrzParser},
 * which corrects OCR confusions by field type and check digits. Chosen over Tesseract by measurement
 * (docs/decisions.md). Thread-safe: the glyph templates are read-only.
 */
public final class MrzOcr {

    /** Debian's {@code fonts-ocr-b}, where the templates are rendered from. */
    public static final Path DEBIAN_OCR_B = Path.of("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
    /** The longer side a large photo is brought down towards (not below): its MRZ characters stay ~20 px high. */
    static final int WORKING_SIDE = 1600;

    private final MrzRecognizer recognizer;

    private MrzOcr(MrzGlyphs glyphs) {
        this.recognizer = new MrzRecognizer(glyphs);
    }

    /** @throws IllegalStateException when the OCR-B font is missing or unreadable, saying which file and package */
    public static MrzOcr load(Path ocrBFont) {
        return new MrzOcr(MrzGlyphs.load(ocrBFont));
    }

    /** The MRZ as read, one string per line; empty when no MRZ was found in the image. */
    public Optional<List<String>> read(BufferedImage image) {
        var grey = GreyImage.of(image, WORKING_SIDE);
        var lines = MrzLocator.locate(grey);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recognizer.readAll(grey, lines).stream().map(MrzRecognizer.ReadLine::text).toList());
    }
}
