package io.kycflow.technology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.DSI;
import static io.kycflow.technology.TechnologyCode.DSN;
import static io.kycflow.technology.TechnologyCode.DSS;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;

/** The combination rules each provider declares, checked against candidate technology orders; no Spring needed. */
class CombinationRuleTests {

    private static final DigitalSignatureTechnologies SIGNATURES = new DigitalSignatureTechnologies();
    private static final Map<TechnologyCode, TechnologyProvider> PROVIDERS = Map.of(
            LD, new LivenessTechnology(), DR, new DocumentRecognitionTechnology(), F2F, new FaceMatchTechnology(),
            ED, new EDocumentTechnology(), DSI, SIGNATURES.identitySignature(), DSN, SIGNATURES.documentSignature(),
            DSS, SIGNATURES.serverSideSignature());

    @Test
    void faceMatchAfterSelfieAndDocumentIsAllowed() {
        assertThat(violations(LD, DR, F2F)).isEmpty();
        assertThat(violations(DR, LD, F2F)).isEmpty();
        assertThat(violations(LD, ED, F2F)).isEmpty();
        assertThat(violations(ED, DR, LD, F2F)).isEmpty();
    }

    @Test
    void faceMatchWithoutLivenessBeforeItIsRefused() {
        assertThat(violations(DR, F2F)).singleElement().asString().contains("LD", "before F2F");
        assertThat(violations(DR, F2F, LD)).singleElement().asString().contains("LD");
    }

    @Test
    void faceMatchWithoutAReferenceFaceBeforeItIsRefused() {
        assertThat(violations(LD, F2F)).singleElement().asString().contains("DR", "ED", "before F2F");
        assertThat(violations(LD, F2F, DR)).singleElement().asString().contains("reference face");
    }

    @Test
    void faceMatchAloneBreaksBothRules() {
        assertThat(violations(F2F)).hasSize(2);
    }

    @Test
    void atMostOneDigitalSignatureTechnology() {
        assertThat(violations(DSI)).isEmpty();
        assertThat(violations(LD, DSS)).isEmpty();
        assertThat(violations(DSI, DSN)).isNotEmpty().allSatisfy(v -> assertThat(v).contains("at most one digital-signature"));
        assertThat(violations(DSN, LD, DSS)).isNotEmpty();
    }

    @Test
    void independentTechnologiesCombineFreely() {
        assertThat(violations(LD)).isEmpty();
        assertThat(violations(ED, DR, LD)).isEmpty();
    }

    @Test
    void digitalSignatureIsNotCreatableOverMcpButTheOthersAre() {
        assertThat(PROVIDERS.values()).filteredOn(p -> !p.mcpCreatable()).extracting(TechnologyProvider::code)
                .containsExactlyInAnyOrder(DSI, DSN, DSS);
        PROVIDERS.forEach((code, provider) -> assertThat(provider.code()).isEqualTo(code));
    }

    /** Every rule of every technology in {@code order}, evaluated at that technology's position. */
    private static List<String> violations(TechnologyCode... order) {
        var codes = List.of(order);
        var found = new ArrayList<String>();
        for (int i = 0; i < codes.size(); i++) {
            for (var rule : PROVIDERS.get(codes.get(i)).rules()) {
                var violation = rule.violation(codes, i);
                if (violation != null) {
                    found.add(violation);
                }
            }
        }
        return found;
    }
}
