package io.kycflow.verification.internal.signature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.kycflow.session.FailureReason;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.EngineInput;
import io.kycflow.verification.EngineVerdict;
import io.kycflow.verification.SigningChallenge;
import io.kycflow.verification.VerificationEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real engine of DSI, DSN and DSS. The person signs this session's challenge ({@link #challenge}) with their
 * qualified certificate; the signed file is a CMS / PKCS#7 SignedData, attached or detached as the flow's
 * {@code signature_format} says. Checks, in order, each ending the attempt with its own failure code: the container,
 * the signature, the signed content, the certificate's validity at signing time and now, its chain to the flow's
 * {@code trusted_ca_certificates}, key usage and the signer's identity as the variant requires, the signer being the
 * session's person when the flow's {@code signer_identity} says so ({@link SignerCheck}), the qualified statement,
 * and revocation.
 */
@Component
class SignatureEngine implements VerificationEngine {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String PROVIDER = "kycflow-cms";

    private final CmsVerifier cms;
    private final RevocationChecker revocation;

    SignatureEngine(DigitalSignatureProperties properties) {
        this.cms = new CmsVerifier(properties.clockSkew());
        this.revocation = new RevocationChecker(properties);
    }

    /** What the person signs: names this session, so a signature made for another session or purpose is refused. */
    static byte[] challenge(UUID sessionId) {
        return SigningChallenge.bytes(sessionId);
    }

    @Override
    public Set<TechnologyCode> technologies() {
        return EnumSet.of(TechnologyCode.DSI, TechnologyCode.DSN, TechnologyCode.DSS);
    }

    @Override
    public boolean sandbox() {
        return false;
    }

    @Override
    public EngineVerdict verify(EngineInput input) {
        var variant = SignatureVariant.of(input.technology());
        var config = input.config();
        var block = NODES.objectNode();
        block.put("signature_valid", false).putNull("certificate").putNull("signer").put("revocation", "not_checked");
        try {
            var file = input.captures().stream().filter(c -> c.kind().equals("signed_file")).findFirst()
                    .orElseThrow(() -> new SignatureFailure("unsupported_format", "No signed file was sent."));
            boolean attached = "CMS_ATTACHED".equals(config.path("signature_format").asString("CMS_DETACHED"));
            var signed = cms.verify(file.bytes(), attached, challenge(input.sessionId()));
            block.put("signature_valid", true);
            var certificate = signed.certificate();
            describe(certificate, block.putObject("certificate"));
            var signer = variant.reported(SignerIdentity.of(certificate));
            signer.writeTo(block.putObject("signer"));

            var signingTime = signed.signingTime();
            CmsVerifier.checkValidity(certificate, signingTime);
            var chain = cms.chain(certificate, signed.certificates(), anchors(config), signingTime);
            variant.checkKeyUsage(certificate);
            variant.checkIdentity(signer);
            var signerRefused = SignerCheck.of(config, input.session()).refusal(signer.commonName(), signer.iin());
            if (signerRefused != null) {
                throw new SignatureFailure(SignerCheck.MISMATCH, signerRefused);
            }
            if (config.path("require_qualified_certificate").asBoolean(true) && !CmsVerifier.qualified(certificate)) {
                throw new SignatureFailure("certificate_not_qualified", "The flow requires a qualified certificate; this "
                        + "one carries no ETSI QcCompliance statement.");
            }
            if (config.path("check_revocation").asBoolean(true)) {
                var status = revocation.check(certificate, chain.issuer(), text(config, "ocsp_url"), text(config, "crl_url"), new Date());
                block.put("revocation", status.name().toLowerCase());
                switch (status) {
                    case REVOKED -> throw new SignatureFailure("certificate_revoked", "The certificate authority has "
                            + "revoked the signer's certificate.");
                    case UNKNOWN -> throw new SignatureFailure("revocation_unknown", "Neither OCSP nor a CRL could tell "
                            + "whether the signer's certificate is revoked; try again later.");
                    case GOOD -> { }
                }
            }
            return verdict(block, null);
        } catch (SignatureFailure failure) {
            return verdict(block, failure);
        }
    }

    private static EngineVerdict verdict(ObjectNode block, @Nullable SignatureFailure failure) {
        block.put("result", failure == null).put("sandbox", false).put("provider", PROVIDER);
        if (failure == null) {
            block.putNull("failure_reason");
            return new EngineVerdict(true, block, null, List.of());
        }
        block.putObject("failure_reason").put("type", failure.code()).put("detail", failure.getMessage());
        return new EngineVerdict(false, block, new FailureReason(failure.code(), failure.getMessage()), List.of());
    }

    private static void describe(X509Certificate certificate, ObjectNode node) {
        node.put("subject", certificate.getSubjectX500Principal().getName())
                .put("issuer", certificate.getIssuerX500Principal().getName())
                .put("serial_number", certificate.getSerialNumber().toString(16))
                .put("valid_from", certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .put("valid_to", certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .put("qualified", CmsVerifier.qualified(certificate));
    }

    private static Set<X509Certificate> anchors(JsonNode config) throws SignatureFailure {
        var pem = config.path("trusted_ca_certificates").asString("");
        var anchors = new HashSet<X509Certificate>();
        if (!pem.isBlank()) {
            try {
                for (var certificate : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                    anchors.add((X509Certificate) certificate);
                }
            } catch (CertificateException e) {
                throw new SignatureFailure("certificate_untrusted", "The flow's trusted_ca_certificates could not be read "
                        + "as PEM certificates; no certificate authority is trusted.");
            }
        }
        if (anchors.isEmpty()) {
            throw new SignatureFailure("certificate_untrusted", "The flow trusts no certificate authority "
                    + "(digital_signature_config.trusted_ca_certificates is empty).");
        }
        return anchors;
    }

    private static @Nullable String text(JsonNode config, String field) {
        var value = config.get(field);
        return value == null || value.isNull() || value.asString("").isBlank() ? null : value.asString();
    }
}
