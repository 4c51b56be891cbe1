package io.kycflow.technology;

import java.util.Arrays;
import java.util.List;

/**
 * {@code digital_signature_config.signer_identity}: whose qualified certificate a digital-signature step accepts. The
 * certificate authority vouches for who holds a key; this says whether that must be the person the session verifies.
 * MCP cannot create digital-signature flows because it cannot make an integrator think about this; the Cabinet can.
 */
public enum SignerIdentityRule {
    /** Any signer whose certificate chains to the flow's trusted authorities. */
    ANY,
    /** The certificate's IIN must equal the one the session's metadata carries (key: {@code signer_iin_metadata_key}). */
    SESSION_IIN,
    /**
     * The certificate must name the person of the e-document an earlier ED step of the session fetched: the same
     * surname and first given name in its common name, and an IIN whose birth date is theirs. (The IIN typed for the ED
     * step is never stored, so the e-document's person is what there is to compare with.)
     */
    ED_PERSON;

    static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    /** The rule a resolved config names; ANY for a config stored before the field existed. */
    public static SignerIdentityRule of(String name) {
        return Arrays.stream(values()).filter(rule -> rule.name().equals(name)).findFirst().orElse(ANY);
    }
}
