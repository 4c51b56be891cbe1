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
            ConfigField.integer("max_attempts", 1, 5, 3, "How many signing attempts the person may make.")));

    private static final ResultSchema RESULT = new ResultSchema("digital_signature_result", List.of(
            ResultField.bool("signature_valid", "Whether the signature verifies over the signed content."),
            ResultField.object("certificate", "The signer's certificate.",
                    ResultField.text("subject", "Subject distinguished name."),
                    ResultField.text("issuer", "Issuer distinguished name.")).orNull()),
            List.of(new FailureCode("signature_invalid", "The signature does not verify."),
                    new FailureCode("certificate_untrusted", "The certificate does not chain to an allowed certificate authority."),
                    new FailureCode("certificate_expired", "The certificate was not valid at signing time."),
                    new FailureCode("signer_mismatch", "The signer is not the person this session verifies."),
                    new FailureCode("unsupported_format", "The file is not a CMS / PKCS#7 signature.")));

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
