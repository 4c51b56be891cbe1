package io.kycflow.verification.internal.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.kycflow.session.FailureReason;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Artefact;
import io.kycflow.verification.Capture;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.VerificationEngine;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real DR engine: reads the document ({@link DocumentRecognition}) and applies the flow's
 * {@code doc_recognition_config} in this order — an MRZ was read; its check digits verify ({@code verify_check_digits});
 * it is a supported type; its country and type are allowed; it has not expired ({@code reject_expired}); the holder is
 * of age ({@code minimum_age}); a portrait was found when the face models are installed; with
 * {@code require_visual_zone_match}, no field of the visual zone that was read disagrees with the MRZ (a classic sign of
 * a tampered document; off by default, since the visual zone's OCR is less sure than the MRZ's). A passed attempt keeps the
 * portrait as the {@link Artefact#REFERENCE_FACE} for F2F. Registered only when documents can be read
 * ({@link DocumentEngineConfiguration}).
 */
final class DocumentRecognitionEngine implements VerificationEngine {

    static final String PROVIDER = "kycflow-mrz";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DocumentRecognition recognition;
    private final Clock clock;

    DocumentRecognitionEngine(DocumentRecognition recognition, Clock clock) {
        this.recognition = recognition;
        this.clock = clock;
    }

    @Override
    public Set<TechnologyCode> technologies() {
        return Set.of(TechnologyCode.DR);
    }

    @Override
    public boolean sandbox() {
        return false;
    }

    @Override
    public EngineVerdict verify(EngineInput input) {
        var front = capture(input.captures(), "document_front");
        var back = capture(input.captures(), "document_back");
        var config = input.config();
        if (front == null) {
            return verdict(null, null, new FailureReason("document_not_found", "No image of the document's front was sent."));
        }
        if (config.path("require_backside").asBoolean(false) && back == null) {
            return verdict(null, null, new FailureReason("document_not_found", "This flow needs the document's back side too."));
        }
        var reading = recognition.read(front, back);
        var mrz = reading.mrz();
        if (mrz == null) {
            var failure = reading.failure();
            return verdict(null, null, new FailureReason(failure == null ? "mrz_unreadable" : failure.code(),
                    failure == null ? "The machine-readable zone could not be read." : failure.detail()));
        }
        var failure = policy(reading, mrz, config);
        return verdict(reading, mrz, failure);
    }

    private @Nullable FailureReason policy(DocumentRecognition.Reading reading, Mrz mrz, JsonNode config) {
        if (config.path("verify_check_digits").asBoolean(true) && !mrz.checkDigits().allValid()) {
            return new FailureReason("mrz_check_digits_invalid", "The machine-readable zone's check digits do not "
                    + "verify: it was misread or altered. Retake the photo in good light, the zone sharp and whole.");
        }
        if (reading.documentType().isEmpty()) {
            return new FailureReason("unsupported_document", "Document code " + mrz.documentCode() + " of a "
                    + mrz.format() + " zone is not a supported document type.");
        }
        if (!DocumentChecks.countryAllowed(reading.issuingCountry(), ids(config.path("allowed_countries")))) {
            return new FailureReason("country_not_allowed", "Documents issued by " + mrz.issuingCountry()
                    + " are not accepted by this flow.");
        }
        if (!DocumentChecks.documentTypeAllowed(reading.documentType(), ids(config.path("allowed_document_types")))) {
            return new FailureReason("document_type_not_allowed", "A " + reading.documentType().get().code()
                    + " is not accepted by this flow.");
        }
        if (config.path("reject_expired").asBoolean(true) && DocumentChecks.expired(mrz, clock)) {
            return new FailureReason("document_expired", "The document expired on " + mrz.expiryDate() + ".");
        }
        int minimumAge = config.path("minimum_age").asInt(0);
        if (minimumAge > 0 && !DocumentChecks.meetsMinimumAge(mrz, minimumAge, clock)) {
            return new FailureReason("holder_under_minimum_age", "The holder is not " + minimumAge
                    + " or older by the document's birth date, or the birth date is unknown.");
        }
        if (Boolean.FALSE.equals(reading.portraitFound())) {
            return new FailureReason("no_portrait", "No portrait was found on the document's front.");
        }
        var visualZone = reading.visualZone();
        if (config.path("require_visual_zone_match").asBoolean(false) && visualZone != null && visualZone.mismatch()) {
            return new FailureReason("visual_zone_mismatch", "The printed fields of the document do not agree with its "
                    + "machine-readable zone (" + String.join(", ", VisualZoneBlock.mismatched(visualZone))
                    + "): it may have been altered. Retake the photo in good light, or use another document.");
        }
        return null;
    }

    private EngineVerdict verdict(DocumentRecognition.@Nullable Reading reading, @Nullable Mrz mrz,
                                  @Nullable FailureReason failure) {
        var block = NODES.objectNode();
        block.put("result", failure == null);
        if (failure == null) {
            block.putNull("failure_reason");
        } else {
            block.putObject("failure_reason").put("type", failure.type()).put("detail", failure.detail());
        }
        block.put("sandbox", false).put("provider", PROVIDER);
        if (mrz == null || reading == null) {
            block.putNull("document").putNull("mrz_check_digits_valid").putNull("portrait_found").putNull("visual_zone");
            return new EngineVerdict(false, block, failure, List.of());
        }
        var document = block.putObject("document");
        document.put("type", reading.documentType().map(type -> type.code()).orElse(null));
        document.put("issuing_country", reading.issuingCountry().map(country -> country.alpha3()).orElse(null));
        document.put("number", mrz.documentNumber());
        document.put("surname", mrz.surname());
        document.put("given_names", mrz.givenNames());
        putDate(document, "birth_date", mrz.birthDate());
        putDate(document, "expiry_date", mrz.expiryDate());
        block.put("mrz_check_digits_valid", mrz.checkDigits().allValid());
        if (reading.portraitFound() == null) {
            block.putNull("portrait_found");
        } else {
            block.put("portrait_found", reading.portraitFound());
        }
        VisualZoneBlock.put(block, reading.visualZone());
        var artefacts = new ArrayList<Artefact>();
        if (failure == null && reading.portraitJpeg() != null) {
            artefacts.add(new Artefact(Artefact.REFERENCE_FACE, "image/jpeg", reading.portraitJpeg()));
        }
        return new EngineVerdict(failure == null, block, failure, artefacts);
    }

    private static void putDate(ObjectNode node, String field, @Nullable LocalDate date) {
        if (date == null) {
            node.putNull(field);
        } else {
            node.put(field, date.toString());
        }
    }

    private static byte @Nullable [] capture(List<Capture> captures, String kind) {
        return captures.stream().filter(c -> c.kind().equals(kind)).map(Capture::bytes).findFirst().orElse(null);
    }

    private static List<Integer> ids(JsonNode list) {
        var ids = new ArrayList<Integer>();
        list.forEach(id -> ids.add(id.asInt()));
        return ids;
    }
}
