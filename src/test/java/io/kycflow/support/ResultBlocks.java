package io.kycflow.support;

import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.FailureReason;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Result blocks as an engine of the technology returns them (every declared field, nothing else), for tests that
 * record attempts directly instead of running an engine. Each one is checked against its technology's declaration,
 * so a fixture cannot drift from the contract the published schemas describe.
 */
public final class ResultBlocks {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TechnologyCatalog catalog;

    public ResultBlocks(TechnologyCatalog catalog) {
        this.catalog = catalog;
    }

    public AttemptOutcome pass(TechnologyCode code) {
        return AttemptOutcome.pass(checked(code, block(code).put("result", true).putNull("failure_reason")));
    }

    /** A failed attempt with a failure reason the technology declares. */
    public AttemptOutcome fail(TechnologyCode code, String failure, String detail) {
        var block = block(code).put("result", false);
        block.putObject("failure_reason").put("type", failure).put("detail", detail);
        return AttemptOutcome.fail(checked(code, block), new FailureReason(failure, detail));
    }

    private ObjectNode checked(TechnologyCode code, ObjectNode block) {
        block.put("sandbox", false).put("provider", "test-engine");
        var problems = catalog.get(code).resultSchema().problems(block);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("fixture for " + code + " breaks its declaration: " + problems);
        }
        return block;
    }

    private static ObjectNode block(TechnologyCode code) {
        var node = NODES.objectNode();
        switch (code) {
            case LD -> {
                node.put("prediction", "0.9980").put("eye_closed", false).put("face_direction", "forward");
                node.putObject("face_center").put("x", 0.5).put("y", 0.45);
            }
            case DR -> {
                node.putObject("document").put("type", "ID_CARD").put("issuing_country", "KAZ").put("number", "TEST000001")
                        .put("surname", "TEST").put("given_names", "PERSON").put("birth_date", "1990-01-01")
                        .put("expiry_date", "2035-01-01");
                node.put("mrz_check_digits_valid", true).put("portrait_found", true).putNull("visual_zone");
            }
            case F2F -> node.put("similarity", "0.9712").put("threshold", 0.85).put("several_faces", false);
            case ED -> {
                node.put("document_type", "IdentityCard");
                node.putObject("person").put("surname", "TEST").put("given_names", "PERSON").put("birth_date", "1990-01-01");
            }
            case DSI, DSN, DSS -> {
                node.put("signature_valid", true);
                node.putObject("certificate").put("subject", "CN=TEST PERSON").put("issuer", "CN=test CA")
                        .put("serial_number", "01").put("valid_from", "2026-01-01").put("valid_to", "2027-01-01").put("qualified", true);
                node.putObject("signer").put("common_name", "TEST PERSON").put("serial_number", "IIN900101300001")
                        .put("iin", "900101300001").putNull("organization").putNull("organization_id");
                node.put("revocation", "good");
            }
        }
        return node;
    }
}
