package io.kycflow.technology;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three digital-signature variants share one schema; they differ in what the signature proves. */
@Configuration(proxyBeanMethods = false)
class DigitalSignatureTechnologies {

    private static final ConfigSchema SCHEMA = new ConfigSchema("digital_signature_config", List.of(
            ConfigField.oneOf("signature_format", List.of("CMS_ATTACHED", "CMS_DETACHED"), "CMS_DETACHED",
                    "CMS (PKCS #7) container shape of the produced signature."),
            ConfigField.bool("require_qualified_certificate", true, "Accept qualified certificates only."),
            ConfigField.bool("check_revocation", true, "Check the certificate's revocation status (OCSP/CRL)."),
            ConfigField.integer("max_attempts", 1, 5, 3, "How many signing attempts the person may make."),
            ConfigField.text("trusted_ca_certificates", 65_536, "", "The certificate authorities a signer's certificate "
                    + "must chain to: PEM certificates (root or intermediate), one after another. Empty: none is trusted."),
            ConfigField.url("ocsp_url", "OCSP responder to ask when check_revocation is on; unset: the certificate's own (AIA)."),
            ConfigField.url("crl_url", "CRL to fetch when check_revocation is on and OCSP gave no answer; unset: the "
                    + "certificate's own distribution point."),
            ConfigField.oneOf("signer_identity", SignerIdentityRule.NAMES, SignerIdentityRule.ANY.name(),
                    "Whose certificate is accepted: ANY signer the CA vouches for; SESSION_IIN, only the person whose IIN "
                            + "the session's metadata carries under signer_iin_metadata_key; ED_PERSON, only the person "
                            + "whose e-document an earlier ED step of the same session fetched (surname, first given name "
                            + "and the birth date the IIN encodes). Otherwise the attempt fails with signer_mismatch."),
            ConfigField.text("signer_iin_metadata_key", 64, "iin",
                    "For signer_identity SESSION_IIN: the key of the session metadata that holds the signer's 12-digit IIN.")));

    private static final ResultSchema RESULT = new ResultSchema("digital_signature_result", List.of(
            ResultField.bool("signature_valid", "Whether the signature verifies over the signed content."),
            ResultField.object("certificate", "The signer's certificate.",
                    ResultField.text("subject", "Subject distinguished name."),
                    ResultField.text("issuer", "Issuer distinguished name."),
                    ResultField.text("serial_number", "The certificate's serial number, hexadecimal."),
                    ResultField.date("valid_from", "First day of the certificate's validity (UTC)."),
                    ResultField.date("valid_to", "Last day of the certificate's validity (UTC)."),
                    ResultField.bool("qualified", "Whether it declares itself qualified (ETSI QcCompliance statement).")).orNull(),
            ResultField.object("signer", "Who signed, as the certificate's subject names them.",
                    ResultField.text("common_name", "Subject common name (CN).").orNull(),
                    ResultField.text("serial_number", "Subject serialNumber attribute, e.g. IIN123456789012.").orNull(),
                    ResultField.text("iin", "The 12-digit individual identification number found in the subject.").orNull(),
                    ResultField.text("organization", "Subject organization (O); null for DSI, which identifies a person.").orNull(),
                    ResultField.text("organization_id", "The organization's identifier (BIN in OU or organizationIdentifier); "
                            + "null for DSI.").orNull()).orNull(),
            ResultField.oneOf("revocation", List.of("good", "revoked", "unknown", "not_checked"),
                    "The certificate's revocation status by OCSP or CRL; not_checked when check_revocation is off or "
                            + "an earlier check failed.")),
            List.of(new FailureCode("signature_invalid", "The signature does not verify."),
                    new FailureCode("certificate_untrusted", "The certificate does not chain to an allowed certificate authority."),
                    new FailureCode("certificate_expired", "The certificate was not valid at signing time, or is not valid now."),
                    new FailureCode("signer_mismatch", "The signer is not the person this session verifies."),
                    new FailureCode("unsupported_format", "The file is not a CMS / PKCS#7 signature."),
                    new FailureCode("content_mismatch", "The signature is not over this session's signing challenge."),
                    new FailureCode("key_usage_invalid", "The certificate's key usage does not allow this kind of signature."),
                    new FailureCode("certificate_not_qualified", "A qualified certificate is required and this one is not."),
                    new FailureCode("signer_identity_missing", "The certificate does not name the signer as this variant "
                            + "requires (an individual's identifier for DSI and DSN, an organization for DSS)."),
                    new FailureCode("certificate_revoked", "The certificate has been revoked."),
                    new FailureCode("revocation_unknown", "The certificate's revocation status could not be established.")));

    record Variant(TechnologyCode code) implements TechnologyProvider {

        @Override
        public ConfigSchema configSchema() {
            return SCHEMA;
        }

        @Override
        public ResultSchema resultSchema() {
            return RESULT;
        }

        @Override
        public List<CombinationRule> rules() {
            var others = Arrays.stream(TechnologyCode.values())
                    .filter(c -> c.isDigitalSignature() && c != code).toArray(TechnologyCode[]::new);
            return List.of(CombinationRule.exclusiveWith("A flow holds at most one digital-signature technology.", others));
        }
    }

    @Bean
    TechnologyProvider identitySignature() {
        return new Variant(TechnologyCode.DSI);
    }

    @Bean
    TechnologyProvider documentSignature() {
        return new Variant(TechnologyCode.DSN);
    }

    @Bean
    TechnologyProvider serverSideSignature() {
        return new Variant(TechnologyCode.DSS);
    }
}
