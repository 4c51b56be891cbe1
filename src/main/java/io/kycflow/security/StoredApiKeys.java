package io.kycflow.security;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Organization and flow API keys at rest. The plain key must be shown again later (MCP {@code get_flow}, the admin
 * API, the Cabinet), so it is kept, but only sealed: AES-256-GCM under the master key's subkey for the owner's kind,
 * with the owning row's id as associated data, so a sealed key copied onto another row does not open. Finding the
 * owner of a presented key never opens anything: lookups go through {@link ApiKeys#lookupHash}.
 */
public final class StoredApiKeys {

    /** Whose keys: each kind has its own subkey and its own associated-data prefix. */
    public enum Owner {
        ORGANIZATION("kycflow organization api key v1", "kycflow-organization-api-key:"),
        FLOW("kycflow flow api key v1", "kycflow-flow-api-key:");

        private final String purpose;
        private final String prefix;

        Owner(String purpose, String prefix) {
            this.purpose = purpose;
            this.prefix = prefix;
        }

        private String label() {
            return name().toLowerCase();
        }
    }

    private final Owner owner;
    private final SecretBox box;
    private final String keyFingerprint;

    private StoredApiKeys(Owner owner, MasterKey masterKey) {
        this.owner = owner;
        this.box = masterKey.secretBox(owner.purpose);
        this.keyFingerprint = masterKey.fingerprint();
    }

    public static StoredApiKeys of(MasterKey masterKey, Owner owner) {
        return new StoredApiKeys(owner, masterKey);
    }

    /** The sealed form of {@code apiKey}, to be stored on the row {@code ownerId}. */
    public byte[] seal(UUID ownerId, String apiKey) {
        return box.seal(apiKey.getBytes(StandardCharsets.UTF_8), associatedData(ownerId));
    }

    /**
     * The plain key stored on row {@code ownerId}.
     *
     * @throws Unreadable when it was sealed under another master key or for another row, or was altered
     */
    public String open(UUID ownerId, byte[] sealed) {
        try {
            return new String(box.open(sealed, associatedData(ownerId)), StandardCharsets.UTF_8);
        } catch (SecretBox.CannotOpen e) {
            throw new Unreadable("The stored API key of " + owner.label() + " " + ownerId + " does not open with the "
                    + "configured master key (fingerprint " + keyFingerprint + "): it was sealed under another master key, "
                    + "or the stored value was altered or copied from another row. Start the server with the master key "
                    + "the key was stored with, or issue a new key.");
        }
    }

    private byte[] associatedData(UUID ownerId) {
        return (owner.prefix + ownerId).getBytes(StandardCharsets.US_ASCII);
    }

    /** A stored key that does not open; the message names the row and the key fingerprint, never a secret. */
    public static final class Unreadable extends RuntimeException {

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
