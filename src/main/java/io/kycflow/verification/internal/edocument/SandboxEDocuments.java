package io.kycflow.verification.internal.edocument;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.kycflow.verification.SandboxVerifier;
import io.kycflow.verification.internal.SyntheticCaptures;

/**
 * The sandbox e-document provider of TEST/DEMO organizations: fixed, documented test identities (README "Sandbox
 * e-documents" in docs/integration/e-document-gateway.md), each with a synthetic portrait drawn by our code. Any other
 * IIN has no document; two IINs play the gateway's refusals.
 */
final class SandboxEDocuments implements EDocumentProvider {

    /** Used when the person gives no IIN: the identity the hosted page shows in test mode. */
    static final String DEFAULT_IIN = "900101300001";
    static final String CONSENT_DECLINED_IIN = "770707300003";
    static final String UNAVAILABLE_IIN = "660606300004";

    static final String EXPIRED_IIN = "550505300006";

    private record Identity(String surname, String givenNames, LocalDate birthDate, Map<String, String> documents) {
    }

    private static final Map<String, Identity> IDENTITIES = Map.of(
            DEFAULT_IIN, new Identity("SANDBOX", "TEST PERSON", LocalDate.of(1990, 1, 1),
                    Map.of("IdentityCard", "SBX000000001", "Passport", "SBXN0000001")),
            "850615400002", new Identity("SANDBOX", "AIGERIM", LocalDate.of(1985, 6, 15),
                    Map.of("IdentityCard", "SBX000000002", "DriverLicense", "SBXDL000002")),
            "050220500005", new Identity("SANDBOX", "ALIKHAN", LocalDate.of(2005, 2, 20),
                    Map.of("IdentityCard", "SBX000000005", "ResidencePermit", "SBXRP000005")),
            EXPIRED_IIN, new Identity("SANDBOX", "EXPIRED", LocalDate.of(1955, 5, 5),
                    Map.of("IdentityCard", "SBX000000006", "Passport", "SBXN0000006")));

    static List<String> identities() {
        return IDENTITIES.keySet().stream().sorted().toList();
    }

    @Override
    public String name() {
        return SandboxVerifier.PROVIDER;
    }

    @Override
    public EDocument fetch(EDocumentQuery query) throws EDocumentFailure {
        switch (query.iin()) {
            case CONSENT_DECLINED_IIN -> throw new EDocumentFailure(EDocumentFailure.CONSENT_DECLINED,
                    "Sandbox: the test person " + CONSENT_DECLINED_IIN + " declines to share documents.");
            case UNAVAILABLE_IIN -> throw new EDocumentFailure(EDocumentFailure.UNAVAILABLE,
                    "Sandbox: the e-document service plays an outage for " + UNAVAILABLE_IIN + ".");
            default -> { }
        }
        var identity = IDENTITIES.get(query.iin());
        var number = identity == null ? null : identity.documents().get(query.documentType());
        if (number == null) {
            throw new EDocumentFailure(EDocumentFailure.NOT_FOUND, "Sandbox: no " + query.documentType()
                    + " for this IIN; the test identities are " + String.join(", ", identities()) + ".");
        }
        var expiry = query.iin().equals(EXPIRED_IIN) ? LocalDate.of(2020, 1, 1) : LocalDate.now().plusYears(5);
        return new EDocument(query.documentType(), number, identity.surname(), identity.givenNames(), identity.birthDate(),
                expiry, SyntheticCaptures.face(), "image/png");
    }
}
