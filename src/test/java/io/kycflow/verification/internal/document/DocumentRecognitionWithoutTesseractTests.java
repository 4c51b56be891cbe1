package io.kycflow.verification.internal.document;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import io.kycflow.reference.Country;
import io.kycflow.reference.DocumentType;
import io.kycflow.support.documents.DocumentSet;
import io.kycflow.support.documents.SyntheticDocument;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Capture;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.internal.face.FaceEngines;
import io.kycflow.verification.internal.face.FaceModels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server without Tesseract: the visual-zone reader is not made (no exception, one WARN), and DR reads documents as
 * before with {@code visual_zone} null — never a made-up value — and {@code require_visual_zone_match} refuses nothing
 * it could not check.
 */
class DocumentRecognitionWithoutTesseractTests {

    @Test
    void drWorksOnTheMrzAloneWithTheVisualZoneNull() {
        SyntheticDocument.requireFont();
        var missing = new DocumentProperties(MrzOcr.DEBIAN_OCR_B, 1, Path.of("/nonexistent/tessdata"));
        assertThat(DocumentRecognition.loadVisualZoneReader(missing)).isNull();

        var finland = new Country(246, "FI", "FIN", "Finland");
        var passport = new DocumentType(1, "PASSPORT", "Passport", "TD3", "P");
        var classifier = new DocumentClassifier(code -> code.equals("FIN") ? Optional.of(finland) : Optional.empty(),
                List.of(passport));
        var noFaces = new FaceEngines(FaceModels.load(Path.of("/nonexistent/models")), 1);
        var recognition = new DocumentRecognition(MrzOcr.load(MrzOcr.DEBIAN_OCR_B), null, noFaces, classifier,
                Clock.systemUTC(), 1);
        var engine = new DocumentRecognitionEngine(recognition, Clock.systemUTC());
        var document = new MrzGenerator.Document(MrzFormat.TD3, "P", "FIN", "XP8271602", "VIRTANEN", "AINO", "FIN",
                LocalDate.of(1990, 4, 2), Mrz.Sex.F, LocalDate.of(2033, 8, 1), "", "");
        var sample = DocumentSet.sample(document, 3, new Random(3));
        var config = JsonNodeFactory.instance.objectNode().put("require_visual_zone_match", true);
        var verdict = engine.verify(new EngineInput(UUID.randomUUID(), TechnologyCode.DR, config,
                List.of(new Capture("document_front", "image/jpeg", sample.front())), Map.of(), null));

        assertThat(verdict.passed()).as(verdict.result().toString()).isTrue();
        assertThat(verdict.result().path("document").path("surname").asString()).isEqualTo("VIRTANEN");
        assertThat(verdict.result().has("visual_zone")).isTrue();
        assertThat(verdict.result().path("visual_zone").isNull()).isTrue();
    }
}
