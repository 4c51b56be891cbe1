package io.kycflow.verification.internal.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signer certificate's revocation status: OCSP first (the flow's responder, else the certificate's AIA), then a
 * CRL (the flow's, else the certificate's distribution point). Each answer must be signed by the issuer (or, for OCSP,
 * by a responder the issuer delegated to). A source that cannot be reached or gives no usable answer leaves the next
 * one to decide; when none decides, the status is unknown — never assumed good.
 */
final class RevocationChecker {

    enum Status { GOOD, REVOKED, UNKNOWN }

    private static final Logger log = LoggerFactory.getLogger(RevocationChecker.class);

    private final HttpClient http;
    private final DigitalSignatureProperties properties;

    RevocationChecker(DigitalSignatureProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Status check(X509Certificate certificate, X509Certificate issuer, @Nullable String ocspUrl, @Nullable String crlUrl, Date at) {
        var ocsp = ocspUrl != null ? List.of(ocspUrl) : ocspUrls(certificate);
        for (var url : ocsp) {
            try {
                var status = ocsp(certificate, issuer, url);
                if (status != Status.UNKNOWN) {
                    return status;
                }
            } catch (Exception e) { // unreachable, refused, malformed or badly signed: the next source decides
                log.warn("OCSP {} gave no usable answer: {}", url, e.toString());
            }
        }
        var crls = crlUrl != null ? List.of(crlUrl) : crlUrls(certificate);
        for (var url : crls) {
            try {
                return crl(certificate, issuer, url, at);
            } catch (Exception e) {
                log.warn("CRL {} gave no usable answer: {}", url, e.toString());
            }
        }
        return Status.UNKNOWN;
    }

    private Status ocsp(X509Certificate certificate, X509Certificate issuer, String url) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        var id = new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                certificate.getSerialNumber());
        var request = new OCSPReqBuilder().addRequest(id).build();
        var body = fetch(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())));
        var response = new OCSPResp(body);
        if (response.getStatus() != OCSPResp.SUCCESSFUL || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
            throw new IOException("OCSP response status " + response.getStatus());
        }
        if (!signedByIssuerOrDelegate(basic, issuer)) {
            throw new IOException("OCSP response not signed by the issuer or its delegated responder");
        }
        for (var single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            var now = new Date();
            if (single.getThisUpdate().after(new Date(now.getTime() + properties.clockSkew().toMillis()))
                    || single.getNextUpdate() != null && single.getNextUpdate().before(now)) {
                throw new IOException("OCSP answer is not current (thisUpdate/nextUpdate)"); // a replayed old answer proves nothing
            }
            var status = single.getCertStatus();
            if (status == null) {
                return Status.GOOD; // CertificateStatus.GOOD is null in BouncyCastle
            }
            return status instanceof RevokedStatus ? Status.REVOKED : Status.UNKNOWN;
        }
        throw new IOException("OCSP response does not answer for this certificate");
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer) throws Exception {
        var verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
            return true;
        }
        var issuerHolder = new JcaX509CertificateHolder(issuer);
        for (X509CertificateHolder responder : basic.getCerts()) {
            boolean delegated = responder.getIssuer().equals(issuerHolder.getSubject())
                    && responder.isSignatureValid(verifiers.build(issuer.getPublicKey()))
                    && responder.isValidOn(new Date())
                    && responder.getExtensions() != null
                    && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions()) != null
                    && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
                            .hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
            if (delegated && basic.isSignatureValid(verifiers.build(responder))) {
                return true;
            }
        }
        return false;
    }

    private Status crl(X509Certificate certificate, X509Certificate issuer, String url, Date at) throws Exception {
        var body = fetch(HttpRequest.newBuilder(URI.create(url)).GET());
        var crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
        crl.verify(issuer.getPublicKey());
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new IOException("CRL issued by someone else");
        }
        if (crl.getNextUpdate() != null && crl.getNextUpdate().before(at)) {
            throw new IOException("CRL is out of date (nextUpdate passed)");
        }
        return crl.isRevoked(certificate) ? Status.REVOKED : Status.GOOD;
    }

    private byte[] fetch(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = http.send(request.timeout(properties.readTimeout()).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            long max = properties.maxResponseSize().toBytes();
            var body = in.readNBytes((int) max + 1);
            if (body.length > max) {
                throw new IOException("answer larger than " + max + " bytes");
            }
            return body;
        }
    }

    static List<String> ocspUrls(X509Certificate certificate) {
        var urls = new ArrayList<String>();
        var value = extension(certificate, Extension.authorityInfoAccess);
        if (value != null) {
            for (AccessDescription access : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                if (access.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                    httpUri(access.getAccessLocation(), urls);
                }
            }
        }
        return urls;
    }

    static List<String> crlUrls(X509Certificate certificate) {
        var urls = new ArrayList<String>();
        var value = extension(certificate, Extension.cRLDistributionPoints);
        if (value != null) {
            for (var point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                var name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (var general : org.bouncycastle.asn1.x509.GeneralNames.getInstance(name.getName()).getNames()) {
                        httpUri(general, urls);
                    }
                }
            }
        }
        return urls;
    }

    private static void httpUri(GeneralName name, List<String> into) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
            var uri = ASN1IA5String.getInstance(name.getName()).getString();
            if (uri.startsWith("http://") || uri.startsWith("https://")) {
                into.add(uri);
            }
        }
    }

    private static org.bouncycastle.asn1.@Nullable ASN1Primitive extension(X509Certificate certificate,
                                                                          org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        var der = certificate.getExtensionValue(oid.getId());
        if (der == null) {
            return null;
        }
        try {
            return org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils.parseExtensionValue(der);
        } catch (IOException e) {
            return null; // a malformed extension names no source
        }
    }
}
