package io.kycflow.verification.internal.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;

/**
 * Test access to the visual-zone reader with Debian's Tesseract, for tests and the evaluation outside this package.
 * {@link #assumeInstalled()} skips a test without Tesseract, except on CI ({@code CI=true}), where it fails.
 */
public final class VisualZones {

    private static @Nullable VisualZoneReader reader;

    private VisualZones() {
    }

    /** Whether Tesseract loads here as the server would load it (library and English data). */
    public static synchronized boolean installed() {
        if (reader == null) {
            try {
                reader = new VisualZoneReader(Tesseracts.load(Tesseracts.DEBIAN_TESSDATA));
            } catch (IllegalStateException e) {
                return false;
            }
        }
        return true;
    }

    /** Skips the calling test when Tesseract is not installed here, unless CI=true: then it fails. */
    public static void assumeInstalled() {
        if (!installed()) {
            org.junit.jupiter.api.Assertions.assertNotEquals("true", System.getenv("CI"), "Debian tesseract-ocr, "
                    + "tesseract-ocr-eng/-rus/-kaz and libtesseract-dev must be installed on CI (.ci/run installs them)");
            org.junit.jupiter.api.Assumptions.abort("Tesseract is not installed (" + Tesseracts.DEBIAN_TESSDATA
                    + "); visual-zone tests skipped. Install with: apt-get install -y tesseract-ocr tesseract-ocr-eng "
                    + "tesseract-ocr-rus tesseract-ocr-kaz libtesseract-dev");
        }
    }

    /**
     * The visual zone of a photo (JPEG): a passport page's ({@code carriesMrz}) or an ID card's front, compared with
     * {@code mrz}.
     */
    public static synchronized VisualZone read(byte[] jpeg, boolean carriesMrz, Mrz mrz) {
        if (!installed()) {
            throw new IllegalStateException("Tesseract is not installed");
        }
        return java.util.Objects.requireNonNull(reader).read(decode(jpeg), carriesMrz, mrz);
    }

    /** The crop Tesseract is given, for a look. */
    public static @Nullable BufferedImage crop(byte[] jpeg, boolean carriesMrz) {
        return VisualZoneReader.crop(decode(jpeg), carriesMrz);
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
