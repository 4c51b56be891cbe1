package io.kycflow.organization;

/** An organization together with its plain API key: only ever handed to the platform operator. */
public record IssuedOrganization(Organization organization, String apiKey) {
}
