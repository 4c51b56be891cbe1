package io.kycflow.verification;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.kycflow.reference.ReferenceData;
import io.kycflow.support.documents.DocumentPhoto;
import io.kycflow.support.documents.DocumentSet;
import io.kycflow.support.documents.SyntheticDocument;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.internal.document.Mrz.Sex;
import io.kycflow.verification.internal.document.MrzFormat;
import io.kycflow.verification.internal.document.MrzGenerator;
import io.kycflow.verification.internal.face.FaceEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real DR engine through {@link VerificationEngines} (which holds its block to DR's declared result schema), on
 * synthetic document photos: what it reads, the flow's policy in order, the portrait it keeps for F2F.
 */
// the face models where scripts/fetch-models puts them (the test profile's data dir has none): the portrait crop
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.backend.requests-per-minute=5", "kycflow.engines.models-dir=data/models"})
@ActiveProfiles("test")
class DocumentEngineTests {

    static final LocalDate BIRTH = LocalDate.of(1991, 3, 14);

    @Autowired
    VerificationEngines engines;
    @Autowired
    ReferenceData reference;
    @Autowired
    FaceEngines faceEngines;

    @BeforeAll
    static void font() {
        SyntheticDocument.requireFont();
    }

    static MrzGenerator.Document passport(String country, LocalDate expiry, LocalDate birth) {
        return new MrzGenerator.Document(MrzFormat.TD3, "P", country, "N4821Q0X7", "ERIKSSON", "ANNA MARIA", country,
                birth, Sex.F, expiry, "", "");
    }

    static MrzGenerator.Document idCard() {
        return new MrzGenerator.Document(MrzFormat.TD1, "ID", "KAZ", "K07741203", "SEITKALI", "ARMAN", "KAZ",
                BIRTH, Sex.M, LocalDate.of(2031, 6, 30), "850314300123", "");
    }

    static DocumentSet.Sample photo(MrzGenerator.Document document, long seed) {
        return DocumentSet.sample(document, (int) seed, new Random(seed));
    }

    EngineVerdict verify(DocumentSet.Sample sample, boolean withBack, ObjectNode config) {
        var captures = new ArrayList<Capture>();
        captures.add(new Capture("document_front", "image/jpeg", sample.front()));
        if (withBack && sample.back() != null) {
            captures.add(new Capture("document_back", "image/jpeg", sample.back()));
        }
        return engines.verify(false, new EngineInput(UUID.randomUUID(), TechnologyCode.DR, config, captures, Map.of(), null));
    }

    static ObjectNode config() {
        return JsonNodeFactory.instance.objectNode().put("verify_check_digits", true).put("reject_expired", true)
                .put("require_backside", false).put("minimum_age", 0);
    }

    @Test
    void aPassportPassesWithItsFieldsAndKeepsThePortraitAsTheReferenceFace() throws Exception {
        assertThat(engines.available(false, TechnologyCode.DR)).isTrue();
        var verdict = verify(photo(passport("SWE", LocalDate.of(2032, 1, 31), BIRTH), 11), false, config());
        assertThat(verdict.passed()).as(verdict.result().toString()).isTrue();
        var document = verdict.result().path("document");
        assertThat(document.path("type").asString()).isEqualTo("PASSPORT");
        assertThat(document.path("issuing_country").asString()).isEqualTo("SWE");
        assertThat(document.path("number").asString()).isEqualTo("N4821Q0X7");
        assertThat(document.path("surname").asString()).isEqualTo("ERIKSSON");
        assertThat(document.path("given_names").asString()).isEqualTo("ANNA MARIA");
        assertThat(document.path("birth_date").asString()).isEqualTo("1991-03-14");
        assertThat(document.path("expiry_date").asString()).isEqualTo("2032-01-31");
        assertThat(verdict.result().path("sandbox").asBoolean()).isFalse();
        // the portrait comes from the server's face models (FaceEngines): this shared test context has none, so DR
        // reads the document all the same and keeps no reference face; with them (ProductionWalkBrowserTests) it does
        if (faceEngines.available()) {
            assertThat(verdict.result().path("portrait_found").asBoolean()).isTrue();
            var portrait = verdict.artefacts().stream().filter(a -> a.name().equals(Artefact.REFERENCE_FACE)).findFirst().orElseThrow();
            var faces = faceEngines.run(() -> faceEngines.analyzer().analyze(FaceEngines.decode(portrait.bytes())));
            assertThat(faces).as("one face in the kept portrait").hasSize(1);
        } else {
            assertThat(verdict.result().path("portrait_found").isNull()).as(verdict.result().toString()).isTrue();
            assertThat(verdict.artefacts()).noneMatch(a -> a.name().equals(Artefact.REFERENCE_FACE));
        }
    }

    @Test
    void anIdCardIsReadFromItsBackAndNeedsIt() {
        var card = photo(idCard(), 12);
        var verdict = verify(card, true, config());
        assertThat(verdict.passed()).as(verdict.result().toString()).isTrue();
        assertThat(verdict.result().path("document").path("type").asString()).isEqualTo("ID_CARD");
        assertThat(verdict.result().path("document").path("number").asString()).isEqualTo("K07741203");

        var frontOnly = verify(card, false, config());
        assertThat(frontOnly.passed()).isFalse();
        assertThat(frontOnly.failure().type()).isEqualTo("mrz_unreadable");
        assertThat(frontOnly.result().path("document").isNull()).isTrue();
        var backRequired = verify(card, false, config().put("require_backside", true));
        assertThat(backRequired.failure().type()).isEqualTo("document_not_found");
    }

    @Test
    void theFlowsPolicyRefusesByCountryTypeExpiryAndAge() {
        var passport = photo(passport("SWE", LocalDate.of(2032, 1, 31), BIRTH), 13);
        var kaz = reference.countryByAlpha3("KAZ").orElseThrow().id();
        var swe = reference.countryByAlpha3("SWE").orElseThrow().id();
        var idCardType = reference.documentTypes().stream().filter(t -> t.code().equals("ID_CARD")).findFirst().orElseThrow().id();

        var onlyKaz = config();
        onlyKaz.putArray("allowed_countries").add(kaz);
        assertThat(verify(passport, false, onlyKaz).failure().type()).isEqualTo("country_not_allowed");
        var sweAllowed = config();
        sweAllowed.putArray("allowed_countries").add(kaz).add(swe);
        var allowed = verify(passport, false, sweAllowed);
        assertThat(allowed.passed()).as(allowed.result().toString()).isTrue();

        var onlyIdCards = config();
        onlyIdCards.putArray("allowed_document_types").add(idCardType);
        assertThat(verify(passport, false, onlyIdCards).failure().type()).isEqualTo("document_type_not_allowed");

        var expired = photo(passport("SWE", LocalDate.of(2021, 5, 1), BIRTH), 14);
        var expiredVerdict = verify(expired, false, config());
        assertThat(expiredVerdict.failure().type()).isEqualTo("document_expired");
        assertThat(expiredVerdict.artefacts()).as("a failed attempt keeps nothing").isEmpty();
        var expiredAccepted = verify(expired, false, config().put("reject_expired", false));
        assertThat(expiredAccepted.passed()).as(expiredAccepted.result().toString()).isTrue();

        var minor = photo(passport("SWE", LocalDate.of(2032, 1, 31), LocalDate.now().minusYears(17)), 15);
        assertThat(verify(minor, false, config().put("minimum_age", 18)).failure().type()).isEqualTo("holder_under_minimum_age");
        var oldEnough = verify(minor, false, config().put("minimum_age", 16));
        assertThat(oldEnough.passed()).as(oldEnough.result().toString()).isTrue();
    }

    @Test
    void theVisualZoneIsComparedWithTheMrzAndATamperedOneFailsOnlyWhenTheFlowAsks() {
        io.kycflow.verification.internal.document.VisualZones.assumeInstalled();
        var genuine = passport("SWE", LocalDate.of(2032, 1, 31), BIRTH);
        var verdict = verify(photo(genuine, 17), false, config());
        assertThat(verdict.passed()).as(verdict.result().toString()).isTrue();
        var zone = verdict.result().path("visual_zone");
        assertThat(zone.path("read").asBoolean()).as(zone.toString()).isTrue();
        assertThat(zone.path("consistent").asBoolean()).as(zone.toString()).isTrue();
        assertThat(zone.path("fields").path("surname").path("value").asString()).isEqualTo("ERIKSSON");
        assertThat(zone.path("fields").path("birth_date").path("value").asString()).isEqualTo("1991-03-14");
        assertThat(zone.path("fields").path("birth_date").path("matches_mrz").asBoolean()).isTrue();

        var d = genuine;
        var altered = new MrzGenerator.Document(d.format(), d.documentCode(), d.issuingCountry(), d.documentNumber(),
                "LINDQVIST", d.givenNames(), d.nationality(), d.birthDate(), d.sex(), d.expiryDate(), "", "");
        var tampered = DocumentSet.sample(genuine, altered, 17, new Random(17));
        var lenient = verify(tampered, false, config());
        assertThat(lenient.passed()).as("not refused by default: " + lenient.result()).isTrue();
        assertThat(lenient.result().path("visual_zone").path("consistent").asBoolean()).isFalse();
        assertThat(lenient.result().path("visual_zone").path("fields").path("surname").path("matches_mrz").asBoolean())
                .isFalse();
        var strict = verify(tampered, false, config().put("require_visual_zone_match", true));
        assertThat(strict.passed()).isFalse();
        assertThat(strict.failure().type()).isEqualTo("visual_zone_mismatch");
        assertThat(strict.failure().detail()).contains("surname").doesNotContain("LINDQVIST").doesNotContain("ERIKSSON");
        assertThat(verify(photo(genuine, 17), false, config().put("require_visual_zone_match", true)).passed()).isTrue();
    }

    @Test
    void anIdCardsFrontPhotographedUpsideDownHasItsVisualZoneRead() throws Exception {
        io.kycflow.verification.internal.document.VisualZones.assumeInstalled();
        var card = photo(idCard(), 12);
        var captures = List.of(new Capture("document_front", "image/jpeg", DocumentPhoto.jpeg(turned(card.front()), 90)),
                new Capture("document_back", "image/jpeg", card.back()));
        var verdict = engines.verify(false, new EngineInput(UUID.randomUUID(), TechnologyCode.DR, config(), captures,
                Map.of(), null));
        assertThat(verdict.passed()).as(verdict.result().toString()).isTrue();
        var zone = verdict.result().path("visual_zone");
        assertThat(zone.path("read").asBoolean()).as(zone.toString()).isTrue();
        assertThat(zone.path("fields").path("surname").path("value").asString()).as(zone.toString()).isEqualTo("SEITKALI");
        assertThat(zone.path("consistent").asBoolean()).as(zone.toString()).isTrue();
    }

    static java.awt.image.BufferedImage turned(byte[] jpeg) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(jpeg));
        var turned = new java.awt.image.BufferedImage(image.getWidth(), image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = turned.createGraphics();
        g.rotate(Math.PI, image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return turned;
    }

    @Test
    void anUpsideDownPhotoIsReadTurned() throws Exception {
        var sample = photo(passport("SWE", LocalDate.of(2032, 1, 31), BIRTH), 16);
        var image = ImageIO.read(new ByteArrayInputStream(sample.front()));
        var turned = new java.awt.image.BufferedImage(image.getWidth(), image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = turned.createGraphics();
        g.rotate(Math.PI, image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        var verdict = engines.verify(false, new EngineInput(UUID.randomUUID(), TechnologyCode.DR, config(),
                List.of(new Capture("document_front", "image/jpeg", DocumentPhoto.jpeg(turned, 85))), Map.of(), null));
        assertThat(verdict.passed()).as(verdict.result().toString()).isTrue();
        assertThat(verdict.result().path("document").path("number").asString()).isEqualTo("N4821Q0X7");
    }

    @Test
    void anImageWithoutADocumentFailsAsUnreadableNotAsAnError() {
        var blank = DocumentPhoto.jpeg(new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB), 80);
        var verdict = engines.verify(false, new EngineInput(UUID.randomUUID(), TechnologyCode.DR, config(),
                List.of(new Capture("document_front", "image/jpeg", blank)), Map.of(), null));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure().type()).isEqualTo("mrz_unreadable");
    }
}
