package io.kycflow.media;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.kycflow.media.internal.MediaProperties;
import io.kycflow.media.internal.MediaRepository;
import io.kycflow.media.internal.MediaRepository.StoredMedia;
import io.kycflow.media.internal.MediaStore;
import io.kycflow.media.internal.MediaUrls;
import io.kycflow.security.MasterKey;
import io.kycflow.security.SecretBox;
import io.kycflow.shared.Ids;
import io.kycflow.shared.KycException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stores verification media encrypted (AES-256-GCM under the master key's media subkey, the object's id as associated
 * data, so a blob copied to another id does not decrypt) and hands out signed, viewer-bound links to it.
 */
@Service
public class MediaService {

    /** What captures may be; served back with this type, so nothing a browser would run as a page. */
    public static final Set<String> CONTENT_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    static final String ENCRYPTION_PURPOSE = "kycflow media encryption v1";

    private final MediaStore store;
    private final MediaRepository repository;
    private final MediaUrls urls;
    private final SecretBox box;
    private final String keyId;
    private final long maxSize;

    MediaService(MediaStore store, MediaRepository repository, MediaUrls urls, MasterKey masterKey, MediaProperties properties) {
        this.store = store;
        this.repository = repository;
        this.urls = urls;
        this.box = masterKey.secretBox(ENCRYPTION_PURPOSE);
        this.keyId = masterKey.fingerprint();
        this.maxSize = properties.maxSize().toBytes();
    }

    /**
     * Encrypts and stores one object; when this returns, both the blob and its row are durable. The blob is written
     * first, so a row never points at a missing blob (a crash in between leaves an unreferenced blob, nothing worse).
     */
    public MediaRef store(UUID organizationId, UUID sessionId, MediaKind kind, String contentType, byte[] bytes) {
        if (!CONTENT_TYPES.contains(contentType)) {
            throw KycException.invalid("content_type", "Media must be one of " + CONTENT_TYPES + ", not " + contentType + ".");
        }
        if (bytes.length == 0 || bytes.length > maxSize) {
            throw KycException.invalid("bytes", "Media must hold 1 to " + maxSize + " bytes, not " + bytes.length + ".");
        }
        var ref = new MediaRef(Ids.timeOrdered(), organizationId, sessionId, kind, contentType, bytes.length,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        var key = "media/" + organizationId + "/" + sessionId + "/" + ref.id();
        try {
            store.put(key, box.seal(bytes, associatedData(ref.id())));
        } catch (MediaStore.Failure e) {
            throw unavailable(e);
        }
        try {
            repository.insert(new StoredMedia(ref, key, keyId));
        } catch (RuntimeException e) {
            try {
                store.delete(key);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return ref;
    }

    /** A session's media in the order it was captured (metadata only). */
    public java.util.List<MediaRef> ofSession(UUID sessionId) {
        return repository.ofSession(sessionId);
    }

    public Optional<MediaRef> find(UUID mediaId) {
        return repository.find(mediaId).map(StoredMedia::ref);
    }

    /**
     * The decrypted bytes.
     *
     * @throws KycException 404 {@code media_not_found} for an unknown id
     * @throws MediaUnreadableException when the blob is missing or does not decrypt with the configured master key
     */
    public byte[] read(UUID mediaId) {
        var stored = repository.find(mediaId)
                .orElseThrow(() -> KycException.notFound("media_not_found", "No media with id " + mediaId + "."));
        return read(stored);
    }

    /** The object's metadata and bytes together, as the serving endpoint needs them. */
    public Content content(UUID mediaId) {
        var stored = repository.find(mediaId)
                .orElseThrow(() -> KycException.notFound("media_not_found", "No media with id " + mediaId + "."));
        return new Content(stored.ref(), read(stored));
    }

    /**
     * A link that serves the object to {@code viewer} for {@code kycflow.media.url-ttl}. Signing reads nothing: an
     * unknown id gives a link that answers 404.
     *
     * @param viewer who will look, as recorded in the access log (a key's or a user's label, never a secret)
     */
    public SignedMediaUrl signedUrl(UUID mediaId, String viewer) {
        return urls.sign(mediaId, viewer);
    }

    private byte[] read(StoredMedia stored) {
        var id = stored.ref().id();
        byte[] sealed;
        try {
            sealed = store.get(stored.storageKey());
        } catch (MediaStore.Failure e) {
            throw unavailable(e);
        } catch (MediaStore.Missing e) {
            throw unreadable("Media " + id + " has no stored blob (" + stored.storageKey() + "): it was deleted or the "
                    + "media store (kycflow.media.*) points elsewhere than when it was stored.");
        }
        try {
            return box.open(sealed, associatedData(id));
        } catch (SecretBox.CannotOpen e) {
            throw unreadable(stored.keyId().equals(keyId)
                    ? "Media " + id + " does not decrypt although the master key is the one it was stored with: the blob "
                            + "was altered, truncated or copied from another object."
                    : "Media " + id + " was stored under master key " + stored.keyId() + " and cannot be read with the "
                            + "configured one (" + keyId + "): start the server with the master key it was stored with.");
        }
    }

    /** The store is down (network, permissions): the caller gets a 503 in our words; the cause is logged, no secret. */
    private static KycException unavailable(MediaStore.Failure failure) {
        log.error("Media store unavailable: {}", failure.getMessage());
        return new KycException(KycException.Kind.UNAVAILABLE, "media_store_unavailable", null,
                "The media store cannot be reached right now, so nothing was stored or read. Try again in a moment.");
    }

    private static MediaUnreadableException unreadable(String message) {
        log.error(message); // ids and key fingerprints only: no key, no bytes
        return new MediaUnreadableException(message);
    }

    /** The object's id, in a form no other use of the same subkey could produce. */
    static byte[] associatedData(UUID id) {
        return ("kycflow-media:" + id).getBytes(StandardCharsets.US_ASCII);
    }

    /** An object's metadata and its decrypted bytes. */
    public record Content(MediaRef ref, byte[] bytes) {

        @Override
        public String toString() {
            return "Content[" + ref + "]"; // never the bytes
        }
    }
}
