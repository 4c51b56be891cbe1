package io.kycflow.verification.internal.signature;

import java.security.cert.X509Certificate;

import io.kycflow.technology.TechnologyCode;

/**
 * What each digital-signature variant demands of the signer's certificate (docs/integration/digital-signature.md).
 * DSI identifies a person: a signing key ({@code digitalSignature}) and an individual's identifier (IIN or subject
 * serialNumber). DSN signs a document on the person's behalf, which must be non-repudiable: {@code nonRepudiation}
 * and the same individual identifier; an organization the person acts for is reported when the certificate names
 * one. DSS is signing by a server-side (cloud) signing service of an organization: either usage, and the subject
 * must name the organization.
 */
enum SignatureVariant {
    DSI, DSN, DSS;

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    static SignatureVariant of(TechnologyCode code) {
        return valueOf(code.name());
    }

    void checkKeyUsage(X509Certificate certificate) throws SignatureFailure {
        var usage = certificate.getKeyUsage();
        if (certificate.getBasicConstraints() >= 0) {
            throw new SignatureFailure("key_usage_invalid", "The signer's certificate is a certificate authority's, not a signer's.");
        }
        if (usage == null) {
            throw new SignatureFailure("key_usage_invalid", "The signer's certificate declares no key usage; a signing "
                    + "certificate must allow " + required() + ".");
        }
        boolean ok = switch (this) {
            case DSI -> usage[DIGITAL_SIGNATURE];
            case DSN -> usage[NON_REPUDIATION];
            case DSS -> usage[DIGITAL_SIGNATURE] || usage[NON_REPUDIATION];
        };
        if (!ok) {
            throw new SignatureFailure("key_usage_invalid", "The signer's certificate does not allow " + required()
                    + ", which " + name() + " requires.");
        }
    }

    private String required() {
        return switch (this) {
            case DSI -> "digitalSignature";
            case DSN -> "nonRepudiation (content commitment)";
            case DSS -> "digitalSignature or nonRepudiation";
        };
    }

    void checkIdentity(SignerIdentity signer) throws SignatureFailure {
        switch (this) {
            case DSI, DSN -> {
                if (signer.iin() == null && signer.serialNumber() == null) {
                    throw new SignatureFailure("signer_identity_missing", name() + " needs a certificate that names an "
                            + "individual: its subject has no IIN or serialNumber.");
                }
            }
            case DSS -> {
                if (signer.organization() == null) {
                    throw new SignatureFailure("signer_identity_missing", "DSS needs an organization's signing "
                            + "certificate: its subject names no organization (O).");
                }
            }
        }
    }

    /** DSI identifies a person only: an organization in the certificate is not part of what it proves. */
    SignerIdentity reported(SignerIdentity signer) {
        return this == DSI ? signer.withoutOrganization() : signer;
    }
}
