package io.kycflow.verification.internal.signature;

import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.qualified.ETSIQCObjectIdentifiers;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/** The CMS container, its one signer, the signer's certificate and its path to a trust anchor. */
final class CmsVerifier {

    /** Not registered globally: the engine uses it by reference, leaving the JVM's provider list alone. */
    private static final Provider BC = new BouncyCastleProvider();

    private final Duration clockSkew;

    CmsVerifier(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    record Signed(X509Certificate certificate, List<X509Certificate> certificates, Date signingTime) {
    }

    record Chain(X509Certificate issuer) {
    }

    Signed verify(byte[] sent, boolean attached, byte[] challenge) throws SignatureFailure {
        var file = der(sent);
        CMSSignedData data;
        try {
            data = new CMSSignedData(file);
        } catch (CMSException | RuntimeException e) { // BouncyCastle throws runtime exceptions for some malformed DER
            throw new SignatureFailure("unsupported_format", "The file is not a CMS / PKCS#7 SignedData structure.");
        }
        var content = data.getSignedContent();
        if (attached) {
            if (content == null) {
                throw new SignatureFailure("unsupported_format", "The flow expects an attached signature (the signed "
                        + "content inside the file); this one is detached.");
            }
            if (!(content.getContent() instanceof byte[] bytes) || !Arrays.equals(bytes, challenge)) {
                throw new SignatureFailure("content_mismatch", "The signed content is not this session's signing challenge.");
            }
        } else {
            if (content != null) {
                throw new SignatureFailure("unsupported_format", "The flow expects a detached signature; this one carries "
                        + "the signed content inside.");
            }
            try {
                data = new CMSSignedData(new CMSProcessableByteArray(challenge), file);
            } catch (CMSException e) {
                throw new SignatureFailure("unsupported_format", "The file is not a CMS / PKCS#7 SignedData structure.");
            }
        }
        var signers = data.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new SignatureFailure("unsupported_format", "The file must hold exactly one signature; it holds " + signers.size() + ".");
        }
        var signer = signers.iterator().next();
        var converter = new JcaX509CertificateConverter().setProvider(BC);
        var certificates = new ArrayList<X509Certificate>();
        X509Certificate signerCertificate = null;
        try {
            for (X509CertificateHolder holder : data.getCertificates().getMatches(null)) {
                var certificate = converter.getCertificate(holder);
                certificates.add(certificate);
                if (signer.getSID().match(holder)) {
                    signerCertificate = certificate;
                }
            }
        } catch (java.security.cert.CertificateException e) {
            throw new SignatureFailure("unsupported_format", "A certificate in the file could not be read.");
        }
        if (signerCertificate == null) {
            throw new SignatureFailure("unsupported_format", "The file does not carry the signer's certificate.");
        }
        var signingTime = signingTime(signer);
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signerCertificate))) {
                throw new SignatureFailure("signature_invalid", "The signature does not match the signed content.");
            }
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new SignatureFailure("certificate_expired", "The signer's certificate was not valid at the signing time "
                    + "the signature states.");
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new SignatureFailure("signature_invalid", "The signature does not verify over this session's challenge.");
        }
        if (signingTime.getTime() > System.currentTimeMillis() + clockSkew.toMillis()) {
            throw new SignatureFailure("signature_invalid", "The signature states a signing time in the future.");
        }
        return new Signed(signerCertificate, certificates, signingTime);
    }

    /**
     * DER as is; PEM ({@code -----BEGIN PKCS7-----}, {@code CMS}, …) or bare base64 (what signing tools such as
     * NCALayer hand back) decoded to DER.
     */
    static byte[] der(byte[] sent) throws SignatureFailure {
        if (sent.length > 0 && sent[0] == 0x30) {
            return sent;
        }
        var text = new String(sent, java.nio.charset.StandardCharsets.US_ASCII).replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "")
                .replaceAll("\\s", "");
        try {
            var der = java.util.Base64.getDecoder().decode(text);
            if (der.length > 0 && der[0] == 0x30) {
                return der;
            }
        } catch (IllegalArgumentException e) {
            // not base64 either
        }
        throw new SignatureFailure("unsupported_format", "The file is not a CMS / PKCS#7 signature (DER, PEM or base64).");
    }

    /** The signed signingTime attribute, else now: the person signs during the session. */
    private static Date signingTime(SignerInformation signer) {
        var attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return new Date();
        }
        return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate();
    }

    /** Valid when it signed and still valid now: a KYC signature is made during the session, not replayed from the past. */
    static void checkValidity(X509Certificate certificate, Date signingTime) throws SignatureFailure {
        for (var at : List.of(signingTime, new Date())) {
            try {
                certificate.checkValidity(at);
            } catch (CertificateExpiredException e) {
                throw new SignatureFailure("certificate_expired", "The signer's certificate has expired.");
            } catch (CertificateNotYetValidException e) {
                throw new SignatureFailure("certificate_expired", "The signer's certificate is not valid yet.");
            }
        }
    }

    /** A PKIX path from the signer's certificate, through intermediates in the file, to one of the flow's anchors. */
    Chain chain(X509Certificate certificate, List<X509Certificate> certificates, Set<X509Certificate> anchors, Date at)
            throws SignatureFailure {
        try {
            var selector = new X509CertSelector();
            selector.setCertificate(certificate);
            var parameters = new PKIXBuilderParameters(anchors.stream().map(a -> new TrustAnchor(a, null))
                    .collect(Collectors.toSet()), selector);
            parameters.setRevocationEnabled(false); // revocation is checked by RevocationChecker, from the flow's sources
            parameters.setDate(at);
            var intermediates = new ArrayList<>(certificates);
            intermediates.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(intermediates)));
            var result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            var path = result.getCertPath().getCertificates();
            var issuer = path.size() > 1 ? (X509Certificate) path.get(1) : result.getTrustAnchor().getTrustedCert();
            return new Chain(issuer);
        } catch (CertPathBuilderException e) {
            throw new SignatureFailure("certificate_untrusted", "The signer's certificate does not chain to a certificate "
                    + "authority this flow trusts.");
        } catch (java.security.GeneralSecurityException e) {
            throw new SignatureFailure("certificate_untrusted", "The signer's certificate path could not be built.");
        }
    }

    /** An ETSI EN 319 412-5 QcCompliance statement: the certificate declares itself qualified. */
    static boolean qualified(X509Certificate certificate) {
        var der = certificate.getExtensionValue(Extension.qCStatements.getId());
        if (der == null) {
            return false;
        }
        try {
            var statements = ASN1Sequence.getInstance(org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils.parseExtensionValue(der));
            for (var statement : statements) {
                if (QCStatement.getInstance(statement).getStatementId().equals(ETSIQCObjectIdentifiers.id_etsi_qcs_QcCompliance)) {
                    return true;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false; // a malformed statement proves nothing
        }
        return false;
    }
}
