package io.kycflow.verification.internal.document;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Document recognition's settings ({@code kycflow.document.*}).
 *
 * @param ocrFont         the OCR-B font the MRZ reader renders its templates from (Debian {@code fonts-ocr-b}); when
 *                        it is missing the real DR engine is not installed and PRODUCTION DR steps get
 *                        {@code engine_unavailable}
 * @param maxConcurrent   documents read at once; more wait their turn (each read holds a decoded photo, ~20 MB)
 * @param tessdata        Tesseract's language data (Debian {@code tesseract-ocr-eng}, {@code -rus}, {@code -kaz}); without
 *                        it (or without libtesseract) the visual zone is not read and DR works on the MRZ alone
 */
@ConfigurationProperties("kycflow.document")
record DocumentProperties(@DefaultValue("/usr/share/fonts/opentype/ocr-b/OCRB.otf") Path ocrFont,
                          @DefaultValue("2") int maxConcurrent,
                          @DefaultValue("/usr/share/tesseract-ocr/5/tessdata") Path tessdata) {
}
