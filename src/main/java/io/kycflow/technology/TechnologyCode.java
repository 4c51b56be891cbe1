package io.kycflow.technology;

/** The short codes of the technology catalog; stable, used on the wire and in subscriptions. */
public enum TechnologyCode {
    LD, DR, F2F, ED, DSI, DSN, DSS;

    /** The code named exactly (as on the wire), or empty. */
    public static java.util.Optional<TechnologyCode> parse(String code) {
        for (var value : values()) {
            if (value.name().equals(code)) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean isDigitalSignature() {
        return this == DSI || this == DSN || this == DSS;
    }
}
