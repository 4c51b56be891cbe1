package io.kycflow.verification.internal.edocument;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.kycflow.session.FailureReason;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Artefact;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.VerificationEngine;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * ED: asks the provider for the person's e-document (who: the {@code iin} the person gave with the step; which: the
 * flow's {@code edocument_config.document_type}), answers {@code edocument_result}, and hands the document's portrait
 * to F2F as {@link Artefact#REFERENCE_FACE}. The same engine serves the gateway (PRODUCTION) and the sandbox provider
 * (TEST/DEMO, where the tester may also pick the outcome).
 */
final class EDocumentEngine implements VerificationEngine {

    static final String IIN = "iin";
    private static final Pattern IIN_FORMAT = Pattern.compile("\\d{12}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EDocumentProvider provider;
    private final boolean sandbox;

    EDocumentEngine(EDocumentProvider provider, boolean sandbox) {
        this.provider = provider;
        this.sandbox = sandbox;
    }

    @Override
    public Set<TechnologyCode> technologies() {
        return EnumSet.of(TechnologyCode.ED);
    }

    @Override
    public boolean sandbox() {
        return sandbox;
    }

    @Override
    public EngineVerdict verify(EngineInput input) {
        var block = NODES.objectNode();
        block.putNull("document_type").putNull("person");
        try {
            var picked = input.sandboxOutcome();
            if (sandbox && picked != null && !picked.equals("pass")) {
                var code = picked.equals("fail") ? EDocumentFailure.NOT_FOUND : picked;
                throw new EDocumentFailure(code, "Sandbox: the tester asked for " + code + ".");
            }
            var iin = input.captures().stream().filter(c -> c.kind().equals(IIN)).findFirst()
                    .map(c -> new String(c.bytes(), StandardCharsets.US_ASCII)).orElse(null);
            if (iin == null && sandbox) {
                iin = SandboxEDocuments.DEFAULT_IIN;
            }
            if (iin == null || !IIN_FORMAT.matcher(iin).matches()) {
                throw new EDocumentFailure(EDocumentFailure.NOT_FOUND, "The person's IIN (12 digits) is needed to find "
                        + "the e-document.");
            }
            var documentType = input.config().path("document_type").asString("IdentityCard");
            var document = provider.fetch(new EDocumentQuery(iin, documentType, UUID.randomUUID()));
            block.put("document_type", document.documentType());
            block.putObject("person").put("surname", document.surname()).put("given_names", document.givenNames())
                    .put("birth_date", document.birthDate().toString());
            if (document.expiryDate() != null && document.expiryDate().isBefore(LocalDate.now(ZoneOffset.UTC))) {
                throw new EDocumentFailure(EDocumentFailure.EXPIRED, "The person's " + document.documentType()
                        + " expired on " + document.expiryDate() + ".");
            }
            finish(block, null);
            var artefacts = document.photo() == null ? List.<Artefact>of()
                    : List.of(new Artefact(Artefact.REFERENCE_FACE, document.photoContentType(), document.photo()));
            return new EngineVerdict(true, block, null, artefacts);
        } catch (EDocumentFailure failure) {
            finish(block, failure);
            return new EngineVerdict(false, block, new FailureReason(failure.code(), failure.getMessage()), List.of());
        }
    }

    private void finish(ObjectNode block, EDocumentFailure failure) {
        block.put("result", failure == null).put("sandbox", sandbox).put("provider", provider.name());
        if (failure == null) {
            block.putNull("failure_reason");
        } else {
            block.putObject("failure_reason").put("type", failure.code()).put("detail", failure.getMessage());
        }
    }
}
