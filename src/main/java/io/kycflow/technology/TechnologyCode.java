package io.kycflow.technology;

/** The short codes of the technology catalog; stable, used on the wire and in subscriptions. */
public enum TechnologyCode {
    LD, DR, F2F, ED, DSI, DSN, DSS;

    public boolean isDigitalSignature() {
        return this == DSI || this == DSN || this == DSS;
    }
}
