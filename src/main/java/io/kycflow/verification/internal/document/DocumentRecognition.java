package io.kycflow.verification.internal.document;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import io.kycflow.reference.Country;
import io.kycflow.reference.DocumentType;
import io.kycflow.verification.internal.CaptureDecoding;
import io.kycflow.verification.internal.face.FaceAnalyzer;
import io.kycflow.verification.internal.face.FaceEngines;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Reads a document from its photos, with no policy applied: the MRZ (front first, then the back, where an ID card
 * carries it), what it maps to in the reference data, and the portrait. The DR engine and the backend parse endpoint
 * both use it and apply their own rules. Loaded once; reads run at most {@code maxConcurrent} at a time.
 * <p>
 * The portrait is found with the face models {@link FaceEngines} loaded (one load, one set of ONNX sessions) and
 * in its pool, so document portraits queue with the LD and F2F checks instead of running beside them. Without the
 * face models DR still reads documents: the portrait is then not looked for. The visual zone is read with Tesseract
 * ({@link VisualZoneReader}) when it is installed; without it the visual zone is not read (null), never guessed.
 */
@Component
@EnableConfigurationProperties(DocumentProperties.class)
public class DocumentRecognition implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentRecognition.class);

    /** Why a read came to nothing: a DR failure-reason code and a sentence. */
    public record Failure(String code, String detail) {
    }

    /**
     * What was read.
     *
     * @param mrz            null when no MRZ could be read (then {@code failure} says why)
     * @param portraitFound  null when the face models are not installed (nobody looked)
     * @param portraitJpeg   the portrait cropped from the document, for F2F
     * @param visualZone     null when Tesseract is not installed (nobody read it) or no MRZ was read
     */
    public record Reading(@Nullable Mrz mrz, Optional<Country> issuingCountry, Optional<DocumentType> documentType,
                          @Nullable Boolean portraitFound, byte @Nullable [] portraitJpeg,
                          @Nullable VisualZone visualZone, @Nullable Failure failure) {
    }

    private final @Nullable MrzOcr ocr;
    private final @Nullable PortraitFinder portraits;
    private final FaceEngines faces;
    private final DocumentClassifier classifier;
    private final MrzParser parser;
    private final Semaphore permits;
    private final int maxConcurrent;
    private final @Nullable VisualZoneReader visualZones;

    @Autowired
    DocumentRecognition(DocumentProperties properties, DocumentClassifier classifier, FaceEngines faces) {
        this(loadOcr(properties), loadVisualZoneReader(properties), faces, classifier, Clock.systemUTC(),
                properties.maxConcurrent());
    }

    DocumentRecognition(@Nullable MrzOcr ocr, @Nullable VisualZoneReader visualZones, FaceEngines faces,
                        DocumentClassifier classifier, Clock clock, int maxConcurrent) {
        this.ocr = ocr;
        this.visualZones = visualZones;
        this.portraits = portraits(faces);
        this.faces = faces;
        this.classifier = classifier;
        this.parser = new MrzParser(clock);
        this.maxConcurrent = Math.max(1, maxConcurrent);
        this.permits = new Semaphore(this.maxConcurrent, true);
    }

    private static @Nullable MrzOcr loadOcr(DocumentProperties properties) {
        try {
            return MrzOcr.load(properties.ocrFont());
        } catch (IllegalStateException e) {
            log.warn("Real document recognition is UNAVAILABLE: {}; PRODUCTION DR steps and the backend document "
                    + "parse will answer engine_unavailable (install Debian fonts-ocr-b or set kycflow.document.ocr-font)",
                    e.getMessage());
            return null;
        }
    }

    static @Nullable VisualZoneReader loadVisualZoneReader(DocumentProperties properties) {
        try {
            return new VisualZoneReader(Tesseracts.load(properties.tessdata()));
        } catch (IllegalStateException e) {
            log.warn("The documents' visual zone will NOT be read (DR results carry visual_zone null): Tesseract is "
                    + "unavailable: {} (install Debian tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus "
                    + "tesseract-ocr-kaz libtesseract-dev, or set kycflow.document.tessdata)", e.getMessage());
            return null;
        }
    }

    private static @Nullable PortraitFinder portraits(FaceEngines faces) {
        if (!faces.available()) {
            log.warn("Document portraits will not be cropped (no reference face for F2F from DR): the face models are unavailable");
            return null;
        }
        // tiles: a portrait is a small part of a document photo, under the detector's size when the whole is shrunk to it
        return new PortraitFinder(faces.analyzer(new FaceAnalyzer.Settings(0.8, 0.4, 20, true)));
    }

    /** Ends Tesseract's handles once no read is using them (a read still running after 10 s keeps them: exit frees them). */
    @Override
    public void destroy() throws InterruptedException {
        if (visualZones != null && permits.tryAcquire(maxConcurrent, 10, java.util.concurrent.TimeUnit.SECONDS)) {
            visualZones.close();
        }
    }

    /** Whether documents can be read on this server (the OCR-B font is installed). */
    public boolean available() {
        return ocr != null;
    }

    /** @param back the back side, read for the MRZ when the front has none (TD1 ID cards) */
    public Reading read(byte[] front, byte @Nullable [] back) {
        if (ocr == null) {
            throw new IllegalStateException("document recognition is not available on this server");
        }
        permits.acquireUninterruptibly();
        try {
            var frontImage = decode(front);
            var backImage = back == null ? null : decode(back);
            if (frontImage == null || (back != null && backImage == null)) {
                return failed(new Failure("poor_quality", "An image could not be decoded."));
            }
            Mrz mrz = null;
            BufferedImage mrzSide = null;
            Failure failure = null;
            // the front first (passports), then the back (ID cards); a zone that verifies wins over one that does not
            // and each upside down when it gave no zone that verifies (a card photographed the other way up)
            var sides = new ArrayList<BufferedImage>();
            sides.add(frontImage);
            if (backImage != null) {
                sides.add(backImage);
            }
            sides.add(turned(frontImage));
            if (backImage != null) {
                sides.add(turned(backImage));
            }
            for (var side : sides) {
                var lines = ocr.read(side);
                if (lines.isEmpty()) {
                    continue;
                }
                try {
                    var read = parser.parse(lines.get());
                    if (mrz == null || (read.valid() && !mrz.valid())) {
                        mrz = read;
                        mrzSide = side;
                    }
                } catch (UnreadableMrzException e) {
                    failure = new Failure("mrz_unreadable", "The machine-readable zone could not be read: " + e.getMessage() + ".");
                }
                if (mrz != null && mrz.valid()) {
                    break;
                }
            }
            if (mrz == null) {
                return failed(failure != null ? failure : new Failure("mrz_unreadable", "No machine-readable zone was "
                        + "found" + (back == null ? "; for an ID card with the zone on its back, send the back side too." : ".")));
            }
            Boolean portraitFound = null;
            byte[] portrait = null;
            var finder = portraits;
            if (finder != null) {
                portrait = faces.run(() -> {
                    var found = finder.find(frontImage);
                    return found != null ? found : finder.find(turned(frontImage));
                });
                portraitFound = portrait != null;
            }
            var visualZone = visualZone(mrz, Objects.requireNonNull(mrzSide), frontImage);
            return new Reading(mrz, classifier.issuingCountry(mrz), classifier.documentType(mrz), portraitFound, portrait,
                    visualZone, null);
        } finally {
            permits.release();
        }
    }

    /**
     * The visual zone beside the MRZ on a passport page (the side and way up the MRZ was read on); on an ID card,
     * whose MRZ is on the back, the front as sent. Null without Tesseract, or when it failed (logged, not fatal).
     */
    private @Nullable VisualZone visualZone(Mrz mrz, BufferedImage mrzSide, BufferedImage front) {
        var reader = visualZones;
        if (reader == null) {
            return null;
        }
        try {
            return mrz.format() == MrzFormat.TD1 ? reader.read(front, false, mrz) : reader.read(mrzSide, true, mrz);
        } catch (RuntimeException e) {
            log.warn("The visual zone could not be read: {}", e.toString());
            return null;
        }
    }

    /** The image turned by 180°. */
    static BufferedImage turned(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        var turned = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = turned.createGraphics();
        g.rotate(Math.PI, w / 2.0, h / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return turned;
    }

    private static Reading failed(Failure failure) {
        return new Reading(null, Optional.empty(), Optional.empty(), null, null, null, failure);
    }

    private static @Nullable BufferedImage decode(byte[] bytes) {
        return CaptureDecoding.decode(bytes);
    }

    /** The country a code maps to (alpha-3 or ICAO's own), for a caller's hint. */
    public Optional<Country> country(String code) {
        return classifier.country(code);
    }
}
