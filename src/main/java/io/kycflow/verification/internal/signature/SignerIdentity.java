package io.kycflow.verification.internal.signature;

import java.security.cert.X509Certificate;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who signed, read from the certificate's subject. Kazakh qualified certificates carry the IIN as
 * {@code serialNumber=IIN123456789012} and an organization's BIN as {@code OU=BIN123456789012}; the ETSI
 * {@code organizationIdentifier} (2.5.4.97) is read too. A bare 12-digit serialNumber is taken as the IIN.
 */
record SignerIdentity(@Nullable String commonName, @Nullable String serialNumber, @Nullable String iin,
                      @Nullable String organization, @Nullable String organizationId) {

    private static final Pattern IIN = Pattern.compile("(?:IIN)?(\\d{12})");
    private static final Pattern BIN = Pattern.compile("(?:BIN|NTRKZ-)?(\\d{12})");
    private static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = new ASN1ObjectIdentifier("2.5.4.97");

    static SignerIdentity of(X509Certificate certificate) {
        var subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var serial = first(subject, BCStyle.SERIALNUMBER);
        var iin = serial == null ? null : match(IIN, serial);
        var organizationId = first(subject, ORGANIZATION_IDENTIFIER);
        if (organizationId == null) {
            var unit = first(subject, BCStyle.OU);
            organizationId = unit == null ? null : match(BIN, unit);
        }
        return new SignerIdentity(first(subject, BCStyle.CN), serial, iin, first(subject, BCStyle.O), organizationId);
    }

    SignerIdentity withoutOrganization() {
        return new SignerIdentity(commonName, serialNumber, iin, null, null);
    }

    void writeTo(ObjectNode signer) {
        signer.put("common_name", commonName).put("serial_number", serialNumber).put("iin", iin)
                .put("organization", organization).put("organization_id", organizationId);
    }

    private static @Nullable String first(X500Name name, ASN1ObjectIdentifier type) {
        var rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static @Nullable String match(Pattern pattern, String value) {
        var matcher = pattern.matcher(value.trim());
        return matcher.matches() ? matcher.group(1) : null;
    }
}
