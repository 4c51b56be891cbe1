package io.kycflow.verification.internal.edocument;

import java.util.UUID;

/**
 * Whose document to fetch, and which.
 *
 * @param iin          the person's 12-digit individual identification number
 * @param documentType {@code edocument_config.document_type}: IdentityCard, Passport, DriverLicense, ResidencePermit
 * @param requestId    one per attempt: the gateway may use it to answer a retried request once
 */
record EDocumentQuery(String iin, String documentType, UUID requestId) {

    @Override
    public String toString() {
        return "EDocumentQuery[" + documentType + ", request " + requestId + "]"; // no IIN in logs
    }
}
