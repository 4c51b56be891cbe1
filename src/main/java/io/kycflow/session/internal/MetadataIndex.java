package io.kycflow.session.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.kycflow.security.MasterKey;
import io.kycflow.security.MessageSigner;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What the {@code session_metadata} side table keeps of a session's metadata: for each string or number value in it
 * (at any depth), a keyed hash of the organization and the value, never the value nor the organization. The Cabinet finds a customer's
 * sessions by a value ("user id 42") through it with one index range, where matching the JSON text was a scan of
 * the organization's sessions. A database dump shows neither the values nor, as the organization is hashed in, which
 * sessions of two organizations share one; without the master key a value cannot be tested against it.
 */
@Component
public class MetadataIndex {

    /** Values longer than this are not indexed (a user id or an order number is short; a free text is not looked up). */
    static final int MAX_VALUE_LENGTH = 200;
    /** At most this many distinct values of one session are indexed, so a large metadata object costs bounded rows. */
    static final int MAX_VALUES = 32;

    private final MessageSigner signer;

    MetadataIndex(MasterKey masterKey) {
        this.signer = masterKey.signer("kycflow session metadata value v1");
    }

    /**
     * The hash a value is stored and looked up under ({@code value} as typed, stripped, or a number's text): the first
     * 64 bits of the HMAC, a {@code BIGINT}. A collision inside one organization (~10^-6 at ten million distinct
     * values) would list a session of the same organization that does not hold the value, never another's: the
     * organization is hashed in, and the list joins on it too. A small integer key keeps the B-tree that every new
     * session with metadata is inserted into small and its compares cheap (the group-commit writer does them).
     */
    public long hash(UUID organizationId, String value) {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        var message = ByteBuffer.allocate(16 + bytes.length)
                .putLong(organizationId.getMostSignificantBits()).putLong(organizationId.getLeastSignificantBits())
                .put(bytes).array();
        return ByteBuffer.wrap(signer.sign(message)).getLong();
    }

    /** The distinct hashes of a session's indexed values (none without metadata). */
    Set<Long> hashes(UUID organizationId, @Nullable JsonNode metadata) {
        var values = new LinkedHashSet<String>();
        if (metadata != null) {
            collect(metadata, values);
        }
        var hashes = new LinkedHashSet<Long>();
        for (var value : values) {
            hashes.add(hash(organizationId, value));
        }
        return hashes;
    }

    private static void collect(JsonNode node, Set<String> values) {
        if (values.size() >= MAX_VALUES) {
            return;
        }
        if (node.isString() || node.isNumber()) {
            var text = node.isString() ? node.stringValue().strip() : node.asString();
            if (!text.isEmpty() && text.length() <= MAX_VALUE_LENGTH) {
                values.add(text);
            }
        } else if (node.isContainer()) {
            for (var child : node) {
                collect(child, values);
            }
        }
    }
}
