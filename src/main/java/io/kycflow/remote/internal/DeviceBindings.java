package io.kycflow.remote.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import io.kycflow.remote.internal.DeviceBindingRepository.Binding;
import io.kycflow.security.ApiKeys;
import io.kycflow.shared.KycException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Which browser may act on a session. The first browser to start it is bound: it gets a random 256-bit secret in an
 * HttpOnly, SameSite=Strict cookie scoped to {@code /flow/{session_id}}, and only the secret's SHA-256 is stored. The
 * bound browser may hand the session off once, with a one-time token (the QR code) another device claims; the claim
 * moves the binding to that device, and the browser it left may only follow the progress. Anyone else is refused.
 * Neither secrets nor tokens are logged or stored.
 */
@Component
public class DeviceBindings {

    static final String COOKIE = "kycflow_device";
    static final String NOT_BOUND = "device_not_bound";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43; // 32 bytes in unpadded base64url

    private final DeviceBindingRepository repository;
    private final Duration handoffTtl;

    DeviceBindings(DeviceBindingRepository repository, RemoteProperties properties) {
        this.repository = repository;
        this.handoffTtl = properties.handoffTtl();
    }

    /** How the calling browser stands towards a session. */
    enum Access {
        /** the session is bound to this browser */
        BOUND,
        /** this browser handed the session off: it may follow the progress, nothing more */
        PREVIOUS,
        /** no binding yet */
        UNBOUND,
        /** bound to another browser, and this one is not the one it was handed off from */
        OTHER
    }

    /** Whether some browser holds the session (the page tells a third device from a first one by it). */
    public boolean isBound(UUID sessionId) {
        return repository.find(sessionId).isPresent();
    }

    Access access(UUID sessionId, HttpServletRequest request) {
        var binding = repository.find(sessionId);
        return binding.isEmpty() ? Access.UNBOUND : access(binding.get(), request);
    }

    private static Access access(Binding binding, HttpServletRequest request) {
        boolean previous = false;
        for (var secret : presentedSecrets(request)) {
            var hash = ApiKeys.lookupHash(secret);
            if (ApiKeys.sameHash(hash, binding.deviceHash())) {
                return Access.BOUND;
            }
            previous |= binding.previousDeviceHash() != null && ApiKeys.sameHash(hash, binding.previousDeviceHash());
        }
        return previous ? Access.PREVIOUS : Access.OTHER;
    }

    /** Refuses (403) any browser but the bound one. */
    void requireBound(UUID sessionId, HttpServletRequest request) {
        var access = access(sessionId, request);
        if (access != Access.BOUND) {
            throw refusal(access);
        }
    }

    /**
     * Binds the session to this browser if nobody has; a second call from the bound browser changes nothing.
     *
     * @return the new secret to set as the cookie, or null when this browser is bound already
     */
    @Nullable String start(UUID sessionId, HttpServletRequest request) {
        var binding = repository.find(sessionId);
        if (binding.isEmpty()) {
            var secret = newSecret();
            try {
                repository.bind(sessionId, ApiKeys.lookupHash(secret), now());
                return secret;
            } catch (DuplicateKeyException raced) {
                binding = repository.find(sessionId); // another browser bound it a moment ago
            }
        }
        var access = binding.map(found -> access(found, request)).orElse(Access.OTHER);
        if (access != Access.BOUND) {
            throw refusal(access);
        }
        return null;
    }

    /** A hand-off token for the QR code: the plain token, handed out once, and when it stops working. */
    record Handoff(String token, OffsetDateTime expiresAt) {

        @Override
        public String toString() {
            return "Handoff[expiresAt=" + expiresAt + "]"; // never the token
        }
    }

    /** A new one-time token for the bound browser (replacing any outstanding one); one hand-off per session. */
    Handoff offerHandoff(UUID sessionId, HttpServletRequest request) {
        var binding = repository.find(sessionId).orElse(null);
        var access = binding == null ? Access.UNBOUND : access(binding, request);
        if (access != Access.BOUND) {
            throw refusal(access);
        }
        var token = newSecret();
        var expiresAt = now().plus(handoffTtl);
        if (binding.handedOffAt() != null
                || !repository.offerHandoff(sessionId, binding.deviceHash(), ApiKeys.lookupHash(token), expiresAt)) {
            throw KycException.conflict("handoff_used", "session_id", "This verification was already moved to another "
                    + "device once; it cannot move again.");
        }
        return new Handoff(token, expiresAt);
    }

    /**
     * Moves the binding to the calling browser with a hand-off token, once.
     *
     * @return the new secret to set as the cookie, or null when this browser is the bound one already (the token is
     *         then left as it is)
     */
    @Nullable String claim(UUID sessionId, String token, HttpServletRequest request) {
        var binding = repository.find(sessionId).orElse(null);
        if (binding != null && access(binding, request) == Access.BOUND) {
            return null;
        }
        if (binding == null || !plausible(token)) {
            throw invalidToken();
        }
        var hash = ApiKeys.lookupHash(token);
        var now = now();
        if (binding.handoffHash() != null && ApiKeys.sameHash(hash, binding.handoffHash())) {
            if (binding.handoffExpiresAt() != null && !binding.handoffExpiresAt().isAfter(now)) {
                throw KycException.forbidden("handoff_expired", "This hand-off code has expired; show a new one on the "
                        + "device where the verification started.");
            }
            var secret = newSecret();
            if (repository.claim(sessionId, hash, ApiKeys.lookupHash(secret), now)) {
                return secret;
            }
            binding = repository.find(sessionId).orElseThrow(); // another device claimed it first
        }
        if (binding.usedHandoffHash() != null && ApiKeys.sameHash(hash, binding.usedHandoffHash())) {
            throw KycException.forbidden("handoff_used", "This hand-off code was already used to move the verification to "
                    + "another device; it works once.");
        }
        throw invalidToken();
    }

    /**
     * The cookie holding a browser's secret: HttpOnly, only under this session's path; SameSite=Strict, or in the Flow
     * Widget's cross-site iframe ({@code embedded}) SameSite=None, Secure and Partitioned. The CSRF guard does not rest
     * on SameSite: every change needs the custom header and our own Origin ({@link FlowGuardFilter}).
     */
    static ResponseCookie cookie(UUID sessionId, String secret, boolean secure, boolean embedded, OffsetDateTime sessionExpiresAt) {
        // Kept a day past the session's expiry, so that the person can still see how it ended.
        var maxAge = Duration.between(now(), sessionExpiresAt).plusDays(1);
        return ResponseCookie.from(COOKIE, secret).httpOnly(true).secure(secure || embedded).sameSite(embedded ? "None" : "Strict")
                .partitioned(embedded).path("/flow/" + sessionId).maxAge(maxAge.isNegative() ? Duration.ofHours(1) : maxAge).build();
    }

    private static KycException refusal(Access access) {
        return KycException.forbidden(NOT_BOUND, switch (access) {
            case PREVIOUS -> "This verification continued on another device; this browser can only follow its progress.";
            case UNBOUND -> "This verification has not been started in this browser yet: start it first.";
            default -> "This verification is open in another browser. Continue it there, or move it to this device "
                    + "with the QR code that browser shows.";
        });
    }

    private static KycException invalidToken() {
        return KycException.forbidden("handoff_token_invalid", "This hand-off code is not valid for this verification: "
                + "it was replaced by a newer one or never issued. Scan the code shown now.");
    }

    /** The cookie values that could be a secret of ours (several when cookies of the same name were planted). */
    private static java.util.List<String> presentedSecrets(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return java.util.List.of();
        }
        var secrets = new java.util.ArrayList<String>();
        for (var cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && plausible(cookie.getValue()) && secrets.size() < 4) {
                secrets.add(cookie.getValue());
            }
        }
        return secrets;
    }

    private static boolean plausible(@Nullable String secret) {
        return secret != null && secret.length() == SECRET_LENGTH && ApiKeys.plausible(secret);
    }

    private static String newSecret() {
        var bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
