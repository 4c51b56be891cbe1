package io.kycflow.media.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import io.kycflow.media.SignedMediaUrl;
import io.kycflow.security.MasterKey;
import io.kycflow.security.MessageSigner;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed media links: {@code <public base>/media/<id>?expires=<epoch s>&viewer=<id>&signature=<base64url>}, the
 * signature an HMAC-SHA256 (its own subkey of the master key) over {@code "/media/<id>\n<expires>\n<viewer>"}.
 * Anything that does not verify is refused alike (403), so a probe learns nothing about which part was wrong.
 */
@Component
public class MediaUrls {

    public static final String PURPOSE = "kycflow media url signature v1";
    /** Who looks: a key's or a user's label ({@code org_api_key:1a2b3c4d}, {@code cabinet:<user id>}), never a secret. */
    public static final Pattern VIEWER = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private static final Pattern EXPIRES = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{43}"); // 32 bytes, base64url, no padding

    private final MessageSigner signer;
    private final String base;
    private final MediaProperties properties;
    private final Clock clock;

    /**
     * The base is read here, not through the session module's properties: the session module will link media in its
     * light result, and the dependency has to point one way.
     */
    MediaUrls(MasterKey masterKey, MediaProperties properties,
              @Value("${kycflow.session.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.signer = masterKey.signer(PURPOSE);
        this.properties = properties;
        this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.clock = Clock.systemUTC();
    }

    public SignedMediaUrl sign(UUID mediaId, String viewer) {
        if (!VIEWER.matcher(viewer).matches()) {
            throw new IllegalArgumentException("a viewer is 1-128 characters of A-Z a-z 0-9 . _ : @ -");
        }
        var expires = clock.instant().plus(properties.urlTtl()).getEpochSecond();
        var signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign(message(mediaId, expires, viewer)));
        var url = URI.create(base + "/media/" + mediaId + "?expires=" + expires + "&viewer=" + viewer + "&signature=" + signature);
        return new SignedMediaUrl(url, Instant.ofEpochSecond(expires));
    }

    /**
     * The id of the object a presented link may serve.
     *
     * @throws KycException 403 {@code media_url_invalid} for a link that is malformed or does not verify,
     *                      403 {@code media_url_expired} for a genuine one past its expiry
     */
    public UUID verify(String rawId, @Nullable String expires, @Nullable String viewer, @Nullable String signature) {
        var id = RequestFields.parseUuid(rawId);
        if (id == null || expires == null || viewer == null || signature == null || !EXPIRES.matcher(expires).matches()
                || !VIEWER.matcher(viewer).matches() || !SIGNATURE.matcher(signature).matches()) {
            throw invalid();
        }
        var expiry = Long.parseLong(expires);
        if (!signer.verify(message(id, expiry, viewer), Base64.getUrlDecoder().decode(signature))) {
            throw invalid();
        }
        if (clock.instant().getEpochSecond() > expiry) {
            throw new KycException(KycException.Kind.FORBIDDEN, "media_url_expired", null,
                    "This media link expired at " + Instant.ofEpochSecond(expiry) + "; ask for a new one (a fresh result "
                            + "carries fresh links, valid for " + properties.urlTtl().toSeconds() + " seconds).");
        }
        return id;
    }

    /** The id as in the signed path: parsed ids are signed in their canonical (lower-case) form. */
    private static byte[] message(UUID id, long expires, String viewer) {
        return ("/media/" + id + "\n" + expires + "\n" + viewer).getBytes(StandardCharsets.UTF_8);
    }

    private static KycException invalid() {
        return new KycException(KycException.Kind.FORBIDDEN, "media_url_invalid", null,
                "This media link is not valid: it is incomplete or was altered. Use the link exactly as it was issued.");
    }
}
