package io.kycflow.verification.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

import io.kycflow.session.FailureReason;
import io.kycflow.technology.ResultSchema;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Artefact;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.SandboxVerifier;
import io.kycflow.verification.VerificationEngine;
import io.kycflow.verification.internal.signature.SignerCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox provider of TEST and DEMO organizations, for every technology: it decides by the outcome the tester
 * picked ({@code pass}, {@code fail} or one of the technology's failure-reason codes), answers in the technology's
 * own result shape with clearly synthetic values, and labels every block {@code "sandbox": true}.
 */
@Component
class SandboxEngine implements VerificationEngine {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TechnologyCatalog catalog;

    SandboxEngine(TechnologyCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Set<TechnologyCode> technologies() {
        return EnumSet.complementOf(EnumSet.of(TechnologyCode.ED)); // ED: the sandbox e-document provider's engine
    }

    /** The sandbox's synthetic signer (the sandbox e-document provider's default person). */
    static final String SANDBOX_IIN = "900101300001";
    static final String SANDBOX_NAME = "SANDBOX TEST PERSON";

    /** Who the sandbox says signed. */
    record Signer(String name, String iin) {

        /** The e-document's person, with an IIN that encodes their birth date (as a real one does). */
        static Signer of(tools.jackson.databind.JsonNode person) {
            var birth = java.time.LocalDate.parse(person.path("birth_date").asString("1990-01-01"));
            var century = birth.getYear() >= 2000 ? "5" : "3";
            var iin = String.format("%02d%02d%02d%s00001", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(), century);
            return new Signer((person.path("surname").asString("") + " " + person.path("given_names").asString("")).strip(), iin);
        }
    }

    @Override
    public boolean sandbox() {
        return true;
    }

    @Override
    public EngineVerdict verify(EngineInput input) {
        var technology = input.technology();
        var schema = catalog.get(technology).resultSchema();
        var outcome = input.sandboxOutcome() == null ? "pass" : input.sandboxOutcome();
        String failureCode = switch (outcome) {
            case "pass" -> null;
            case "fail" -> defaultFailure(technology);
            default -> {
                if (!schema.knowsFailure(outcome)) {
                    throw new IllegalArgumentException(outcome + " is not a failure reason of " + technology);
                }
                yield outcome;
            }
        };
        var signer = new Signer(SANDBOX_NAME, SANDBOX_IIN);
        if (technology.isDigitalSignature() && failureCode == null) {
            // the flow's signer_identity rule, as the real engine applies it: the tester's signer is the session's person
            var check = SignerCheck.of(input.config(), input.session());
            if (!check.expectationKnown()) {
                failureCode = SignerCheck.MISMATCH;
            } else if (check.expectedIin() != null) {
                signer = new Signer(SANDBOX_NAME, check.expectedIin());
            } else if (check.expectedPerson() != null) {
                signer = Signer.of(check.expectedPerson());
            }
        }
        var block = block(technology, failureCode, signer);
        block.put("result", failureCode == null);
        if (failureCode == null) {
            block.putNull("failure_reason");
        } else {
            block.putObject("failure_reason").put("type", failureCode).put("detail", "Sandbox: " + describe(schema, failureCode));
        }
        block.put("sandbox", true).put("provider", SandboxVerifier.PROVIDER);
        var artefacts = new ArrayList<Artefact>();
        if (failureCode == null) {
            switch (technology) {
                case LD -> artefacts.add(new Artefact(Artefact.SELFIE, "image/png", input.captures().isEmpty()
                        ? SyntheticCaptures.face() : input.captures().getFirst().bytes()));
                case DR, ED -> artefacts.add(new Artefact(Artefact.REFERENCE_FACE, "image/png", SyntheticCaptures.face()));
                default -> { }
            }
        }
        var failure = failureCode == null ? null : new FailureReason(failureCode, block.path("failure_reason").path("detail").asString());
        return new EngineVerdict(failureCode == null, block, failure, artefacts);
    }

    static String defaultFailure(TechnologyCode technology) {
        return switch (technology) {
            case LD -> "liveness_not_confirmed";
            case DR -> "mrz_check_digits_invalid";
            case F2F -> "face_mismatch";
            case ED -> "edocument_not_found";
            case DSI, DSN, DSS -> "signature_invalid";
        };
    }

    private static String describe(ResultSchema schema, String code) {
        return schema.failureReasons().stream().filter(reason -> reason.code().equals(code)).findFirst().orElseThrow().description();
    }

    /** Plausible, clearly synthetic fields in each technology's own shape, consistent with the failure picked. */
    private static ObjectNode block(TechnologyCode technology, @Nullable String failure, Signer signer) {
        var node = NODES.objectNode();
        boolean passed = failure == null;
        switch (technology) {
            case LD -> {
                boolean face = !"no_face".equals(failure);
                if (face) {
                    node.put("prediction", passed ? "0.9990" : "0.1200").put("eye_closed", "eye_closed".equals(failure))
                            .put("face_direction", "forward");
                    node.putObject("face_center").put("x", 0.5).put("y", 0.45);
                } else {
                    node.putNull("prediction").putNull("eye_closed").putNull("face_direction").putNull("face_center");
                }
            }
            case DR -> {
                boolean read = failure == null || !Set.of("document_not_found", "unsupported_document", "mrz_unreadable", "poor_quality").contains(failure);
                if (read) {
                    node.putObject("document").put("type", "ID_CARD").put("issuing_country", "KAZ").put("number", "SANDBOX000001")
                            .put("surname", "SANDBOX").put("given_names", "TEST PERSON").put("birth_date", "1990-01-01")
                            .put("expiry_date", "document_expired".equals(failure) ? "2020-01-01" : "2035-01-01");
                } else {
                    node.putNull("document");
                }
                node.put("mrz_check_digits_valid", read && !"mrz_check_digits_invalid".equals(failure));
                node.put("portrait_found", read && !"no_portrait".equals(failure));
                node.putNull("visual_zone"); // the sandbox reads no images
            }
            case F2F -> {
                node.put("similarity", passed ? "0.9712" : "0.3100").put("threshold", 0.85)
                        .put("several_faces", "several_faces".equals(failure));
                if ("no_face".equals(failure) || "no_reference_face".equals(failure)) {
                    node.putNull("similarity");
                }
            }
            case ED -> {
                if (passed) {
                    node.put("document_type", "IdentityCard");
                    node.putObject("person").put("surname", "SANDBOX").put("given_names", "TEST PERSON").put("birth_date", "1990-01-01");
                } else {
                    node.putNull("document_type").putNull("person");
                }
            }
            case DSI, DSN, DSS -> {
                node.put("signature_valid", passed || !"signature_invalid".equals(failure) && !"unsupported_format".equals(failure));
                if ("unsupported_format".equals(failure)) {
                    node.putNull("certificate");
                } else {
                    node.putObject("certificate").put("subject", "CN=SANDBOX TEST PERSON,SERIALNUMBER=IIN900101300001")
                            .put("issuer", "CN=kycflow sandbox CA").put("serial_number", "5a4e44424f58")
                            .put("valid_from", "2026-01-01").put("valid_to", "2036-01-01")
                            .put("qualified", !"certificate_not_qualified".equals(failure));
                }
                boolean named = !"unsupported_format".equals(failure) && !"signer_identity_missing".equals(failure);
                if (named) {
                    node.putObject("signer").put("common_name", signer.name()).put("serial_number", "IIN" + signer.iin())
                            .put("iin", signer.iin()).putNull("organization").putNull("organization_id");
                } else {
                    node.putNull("signer");
                }
                node.put("revocation", "certificate_revoked".equals(failure) ? "revoked"
                        : "revocation_unknown".equals(failure) ? "unknown" : passed ? "good" : "not_checked");
            }
        }
        return node;
    }
}
