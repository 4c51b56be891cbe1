package io.kycflow.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.kycflow.session.FailureReason;
import io.kycflow.shared.KycException;
import io.kycflow.verification.internal.document.DocumentRecognition;
import io.kycflow.verification.internal.document.Mrz;
import io.kycflow.verification.internal.document.MrzParser;
import io.kycflow.verification.internal.document.VisualZone;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads a document for the Backend Integration API's direct check ({@code document/parse/}): the same recogniser as
 * the real DR engine, no flow policy. TEST/DEMO organizations get the sandbox's synthetic document, labelled.
 */
@Service
public class DocumentReader {

    /** The sandbox's document: a KAZ ID card whose MRZ verifies, clearly not anyone's. */
    private static final List<String> SANDBOX_MRZ = List.of("I<KAZSANDBOX019<<<<<<<<<<<<<<<",
            "9001011F3501014KAZ<<<<<<<<<<<8", "SANDBOX<<TEST<PERSON<<<<<<<<<<");

    private final DocumentRecognition recognition;
    private final MrzParser sandboxParser = new MrzParser(Clock.systemUTC());

    DocumentReader(DocumentRecognition recognition) {
        this.recognition = recognition;
    }

    /**
     * @param countryCode the issuing country the caller expects (ISO alpha-3); another one read is reported as
     *                    {@code country_not_allowed}
     * @throws KycException 400 for a country code that is no known country
     * @throws KycException 409 {@code engine_unavailable} for a non-sandbox caller when documents cannot be read here
     */
    public DocumentParse parse(byte[] front, byte @Nullable [] back, @Nullable String countryCode, boolean sandbox) {
        var expected = countryCode == null ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        if (expected != null && (!expected.matches("[A-Z]{3}") || recognition.country(expected).isEmpty())) {
            throw KycException.invalid("country_code", "country_code must be an ISO 3166-1 alpha-3 country code, e.g. KAZ.");
        }
        if (sandbox) {
            var mrz = sandboxParser.parse(SANDBOX_MRZ);
            return new DocumentParse("ID_CARD", fields(mrz), true, null, countryFailure(mrz.issuingCountry(), expected), true);
        }
        if (!recognition.available()) {
            throw KycException.conflict(EngineUnavailableException.CODE, "frontside_image", "Document recognition is not "
                    + "installed on this server (the OCR-B font is missing), so documents are not read for PRODUCTION "
                    + "organizations; nothing was stored.");
        }
        var reading = recognition.read(front, back);
        var mrz = reading.mrz();
        if (mrz == null) {
            var failure = reading.failure();
            return new DocumentParse(null, null, null, null, failure == null ? null
                    : new FailureReason(failure.code(), failure.detail()), false);
        }
        var type = reading.documentType().map(t -> t.code()).orElse(null);
        FailureReason failure;
        if (!mrz.valid()) {
            failure = new FailureReason("mrz_check_digits_invalid", mrz.checkDigits().allValid()
                    ? "The machine-readable zone is not well formed: " + String.join("; ", mrz.problems()) + "."
                    : "The machine-readable zone's check digits do not verify: it was misread or altered.");
        } else if (type == null) {
            failure = new FailureReason("unsupported_document", "Document code " + mrz.documentCode() + " of a "
                    + mrz.format() + " zone is not a supported document type.");
        } else {
            failure = countryFailure(reading.issuingCountry().map(c -> c.alpha3()).orElse(mrz.issuingCountry()), expected);
        }
        return new DocumentParse(type, fields(mrz), reading.portraitFound(), visualZone(reading.visualZone()), failure,
                false);
    }

    private static DocumentParse.@Nullable VisualZone visualZone(@Nullable VisualZone zone) {
        if (zone == null) {
            return null;
        }
        return new DocumentParse.VisualZone(zone.read(), new DocumentParse.VisualFields(field(zone.surname()),
                field(zone.givenNames()), field(zone.documentNumber()), field(zone.birthDate()),
                field(zone.expiryDate())), zone.consistent());
    }

    private static DocumentParse.VisualField field(VisualZone.Field field) {
        return new DocumentParse.VisualField(field.value(), field.matchesMrz());
    }

    private static @Nullable FailureReason countryFailure(String issuing, @Nullable String expected) {
        return expected == null || expected.equals(issuing) ? null : new FailureReason("country_not_allowed",
                "The document was issued by " + issuing + ", not " + expected + ".");
    }

    private static DocumentParse.MrzFields fields(Mrz mrz) {
        var digits = mrz.checkDigits();
        var optional = mrz.optionalData2().isEmpty() ? mrz.optionalData()
                : mrz.optionalData().isEmpty() ? mrz.optionalData2() : mrz.optionalData() + " " + mrz.optionalData2();
        return new DocumentParse.MrzFields(mrz.format().name(), mrz.raw(), mrz.documentCode(),
                mrz.issuingCountry(), mrz.documentNumber(), mrz.surname(), mrz.givenNames(), mrz.nationality(),
                date(mrz.birthDate()), mrz.sex() == null ? null : mrz.sex().name(), date(mrz.expiryDate()), optional,
                new DocumentParse.CheckDigits(digits.documentNumber().valid(), digits.birthDate().valid(),
                        digits.expiryDate().valid(), digits.composite() == null ? null : digits.composite().valid()),
                mrz.valid());
    }

    private static @Nullable String date(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }
}
