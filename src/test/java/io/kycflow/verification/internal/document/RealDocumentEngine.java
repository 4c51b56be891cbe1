package io.kycflow.verification.internal.document;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.kycflow.reference.Country;
import io.kycflow.reference.DocumentType;
import io.kycflow.verification.VerificationEngine;
import io.kycflow.verification.internal.face.FaceEngines;

/**
 * The real DR engine outside Spring, for the engine evaluation: the Debian OCR-B font, portraits through the given
 * {@link FaceEngines} (as the server wires it), and reference data reduced to what the evaluation's passports need.
 */
public final class RealDocumentEngine {

    private RealDocumentEngine() {
    }

    /** Reads Finnish passports (TD3, code P); any other document is unsupported. */
    public static VerificationEngine finnishPassports(FaceEngines faces) {
        var finland = new Country(246, "FI", "FIN", "Finland");
        var passport = new DocumentType(1, "PASSPORT", "Passport", "TD3", "P");
        var classifier = new DocumentClassifier(code -> code.equals("FIN") ? Optional.of(finland) : Optional.empty(),
                List.of(passport));
        var recognition = new DocumentRecognition(MrzOcr.load(MrzOcr.DEBIAN_OCR_B),
                DocumentRecognition.loadVisualZoneReader(new DocumentProperties(MrzOcr.DEBIAN_OCR_B, 1, Tesseracts.DEBIAN_TESSDATA)), faces, classifier, Clock.systemUTC(), 1);
        return new DocumentRecognitionEngine(recognition, Clock.systemUTC());
    }
}
