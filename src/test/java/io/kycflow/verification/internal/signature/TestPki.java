package io.kycflow.verification.internal.signature;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.qualified.ETSIQCObjectIdentifiers;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A small PKI made at test time with BouncyCastle: a CA, signers' certificates as each test needs them, CMS
 * signatures, and a local HTTP server answering OCSP (a responder built with BouncyCastle) and serving a CRL, both
 * signed by the CA. Nothing is committed and nothing is downloaded; keys live in memory for the test run.
 */
public final class TestPki implements AutoCloseable {

    private static final String ALG = "SHA256withECDSA";
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

    final KeyPair caKeys = keys();
    final X509Certificate ca;
    final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    final AtomicInteger ocspRequests = new AtomicInteger();
    final AtomicInteger crlRequests = new AtomicInteger();
    volatile boolean ocspBroken;
    /** Answer as a replayed old response would: thisUpdate ten days ago, nextUpdate yesterday. */
    volatile boolean ocspStale;
    private final HttpServer server;

    public TestPki(String caName) throws Exception {
        ca = certificate(new X500Name("CN=" + caName + ",O=kycflow tests,C=KZ"), caKeys, null, caKeys.getPrivate(),
                Instant.now().minus(Duration.ofDays(365)), Instant.now().plus(Duration.ofDays(3650)), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, false, null);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocsp", exchange -> {
            ocspRequests.incrementAndGet();
            byte[] answer;
            try {
                answer = ocspBroken ? "not an OCSP response".getBytes() : ocsp(new OCSPReq(exchange.getRequestBody().readAllBytes()));
            } catch (Exception e) {
                answer = new byte[0];
            }
            exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/ca.crl", exchange -> {
            crlRequests.incrementAndGet();
            byte[] answer;
            try {
                answer = crl().getEncoded();
            } catch (Exception e) {
                throw new IOException(e);
            }
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static KeyPair keys() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Signer(KeyPair keys, X509Certificate certificate) {
    }

    /** A signer's certificate issued by this CA; {@code aia} adds this server's OCSP URL and CRL distribution point. */
    Signer signer(String subject, Instant from, Instant to, int keyUsage, boolean qualified, boolean aia) throws Exception {
        var keys = keys();
        return new Signer(keys, certificate(new X500Name(subject), keys, ca, caKeys.getPrivate(), from, to, false, keyUsage,
                qualified, aia ? this : null));
    }

    public Signer signer(String subject, int keyUsage) throws Exception {
        return signer(subject, Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)), keyUsage, true, false);
    }

    private static X509Certificate certificate(X500Name subject, KeyPair keys, X509Certificate issuer, PrivateKey issuerKey,
                                               Instant from, Instant to, boolean isCa, int keyUsage, boolean qualified,
                                               TestPki aia) throws Exception {
        var builder = new JcaX509v3CertificateBuilder(issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), Date.from(to), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        if (qualified) {
            builder.addExtension(Extension.qCStatements, false,
                    new DERSequence(new QCStatement(ETSIQCObjectIdentifiers.id_etsi_qcs_QcCompliance)));
        }
        if (aia != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, aia.url("/ocsp")))));
            builder.addExtension(Extension.cRLDistributionPoints, false, new org.bouncycastle.asn1.x509.CRLDistPoint(
                    new org.bouncycastle.asn1.x509.DistributionPoint[] {new org.bouncycastle.asn1.x509.DistributionPoint(
                            new org.bouncycastle.asn1.x509.DistributionPointName(new org.bouncycastle.asn1.x509.GeneralNames(
                                    new GeneralName(GeneralName.uniformResourceIdentifier, aia.url("/ca.crl")))), null, null)}));
        }
        var holder = builder.build(new JcaContentSignerBuilder(ALG).build(issuerKey));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** A CMS SignedData over {@code content}, with the signer's certificate and a signingTime attribute. */
    public static byte[] sign(Signer signer, byte[] content, boolean attached, Instant signingTime) throws Exception {
        var attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        var generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder(ALG).build(signer.keys().getPrivate()), signer.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
        return generator.generate(new CMSProcessableByteArray(content), attached).getEncoded();
    }

    private byte[] ocsp(OCSPReq request) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        var builder = new BasicOCSPRespBuilder(new RespID(new JcaX509CertificateHolder(ca).getSubject()));
        for (var one : request.getRequestList()) {
            var id = one.getCertID();
            CertificateStatus status = revoked.contains(id.getSerialNumber())
                    ? new RevokedStatus(new Date(), CRLReason.keyCompromise) : CertificateStatus.GOOD;
            if (ocspStale) {
                builder.addResponse(id, status, Date.from(Instant.now().minus(Duration.ofDays(10))),
                        Date.from(Instant.now().minus(Duration.ofDays(1))), null);
            } else {
                builder.addResponse(id, status);
            }
        }
        var basic = builder.build(new JcaContentSignerBuilder(ALG).build(caKeys.getPrivate()), null, new Date());
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    private java.security.cert.X509CRL crl() throws Exception {
        var builder = new org.bouncycastle.cert.X509v2CRLBuilder(new JcaX509CertificateHolder(ca).getSubject(), new Date());
        builder.setNextUpdate(Date.from(Instant.now().plus(Duration.ofDays(1))));
        for (var serial : new ArrayList<>(revoked)) {
            builder.addCRLEntry(serial, new Date(), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(ALG).build(caKeys.getPrivate())));
    }

    public String caPem() throws IOException {
        return pem(ca);
    }

    static String pem(X509Certificate certificate) throws IOException {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
