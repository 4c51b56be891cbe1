package io.kycflow.api.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.kycflow.organization.Organization;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.CaptureImages;
import io.kycflow.shared.KycException;
import io.kycflow.verification.Capture;
import io.kycflow.verification.EngineUnavailableException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The guard every Backend Integration API endpoint runs its work in, in this order: the organization API key
 * ({@code Authorization: Bearer} or {@code X-Org-API-Key}, the MCP's keys, 401 otherwise), the per-organization
 * rate limit (429 with {@code Retry-After}; {@code X-RateLimit-*} on every answer), then the work, whose multipart
 * images are read only now (the body is not parsed for a caller refused before) and checked as the captures API
 * checks them ({@link CaptureImages}: 413, 415, 400), and an audit row for every authenticated call, however it
 * ended. A new endpoint (say {@code document/parse/}) calls {@link #call} with its own name and work.
 */
@Component
public class BackendCalls {

    private final OrganizationService organizations;
    private final BackendCallAudit audit;
    private final int perMinute;
    private final Cache<UUID, Bucket> buckets;

    BackendCalls(OrganizationService organizations, BackendCallAudit audit, BackendProperties properties) {
        this.organizations = organizations;
        this.audit = audit;
        this.perMinute = properties.requestsPerMinute();
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxTrackedOrganizations())
                .expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /** One authenticated call: its organization and its multipart body, read on demand. */
    public static final class Call {

        private final Organization organization;
        private final HttpServletRequest request;
        private @Nullable MultipartHttpServletRequest multipart;

        Call(Organization organization, HttpServletRequest request) {
            this.organization = organization;
            this.request = request;
        }

        public Organization organization() {
            return organization;
        }

        /** Refuses parts other than {@code allowed} (400 {@code unexpected_part}); 415 when the body is not multipart. */
        public Call allowOnly(Set<String> allowed) {
            for (var part : parts()) {
                if (!allowed.contains(part.getName())) {
                    throw new KycException(KycException.Kind.INVALID, "unexpected_part", "part", "Unknown part; this endpoint "
                            + "takes " + String.join(", ", allowed.stream().sorted().toList()) + ".");
                }
            }
            return this;
        }

        /** The image part {@code name}, checked: 400 when missing or repeated, 413, 415 or 400 when not acceptable. */
        public Capture image(String name) {
            var image = optionalImage(name);
            if (image == null) {
                throw KycException.invalid(name, name + " is required: send it as a multipart/form-data file part.");
            }
            return image;
        }

        public @Nullable Capture optionalImage(String name) {
            var found = new ArrayList<Part>();
            for (var part : parts()) {
                if (part.getName().equals(name)) {
                    found.add(part);
                }
            }
            if (found.isEmpty()) {
                return null;
            }
            if (found.size() > 1) {
                throw KycException.invalid(name, name + " is given more than once; send one image.");
            }
            var part = found.getFirst();
            if (part.getSize() > CaptureImages.MAX_BYTES) {
                throw new KycException(KycException.Kind.TOO_LARGE, CaptureImages.TOO_LARGE, name, name + " is larger than 10 MB.");
            }
            byte[] bytes;
            try (var in = part.getInputStream()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Capture(name, CaptureImages.check(name, bytes).contentType(), bytes);
        }

        /** A short text part, or null when absent: 400 when repeated or longer than {@code maxBytes}. */
        public @Nullable String optionalText(String name, int maxBytes, String rule) {
            Part found = null;
            for (var part : parts()) {
                if (part.getName().equals(name)) {
                    if (found != null) {
                        throw KycException.invalid(name, name + " is given more than once; send one.");
                    }
                    found = part;
                }
            }
            if (found == null) {
                return null;
            }
            if (found.getSize() > maxBytes) {
                throw KycException.invalid(name, rule);
            }
            try (var in = found.getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Collection<Part> parts() {
            if (multipart == null) {
                multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
                if (multipart == null) {
                    throw new KycException(KycException.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null,
                            "Send the images as multipart/form-data, one part per image.");
                }
                multipart.getMultiFileMap(); // parses now; a broken or oversized body becomes a 400 or 413 problem
            }
            try {
                return multipart.getParts();
            } catch (IOException | ServletException e) {
                throw new MultipartException("multipart body could not be read", e);
            }
        }
    }

    /**
     * Runs {@code work} for the calling organization.
     *
     * @param endpoint what the audit row names, e.g. {@code liveness/short}
     * @param outcome  the audit outcome of an answer ({@code passed} / {@code failed})
     */
    public <T> T call(HttpServletRequest request, HttpServletResponse response, String endpoint, Function<Call, T> work,
                      Function<T, String> outcome) {
        var key = presentedKey(request);
        var organization = key == null ? null : organizations.authenticate(key).orElse(null);
        if (organization == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kyc-backend\"");
            throw new KycException(KycException.Kind.UNAUTHORIZED, "unauthorized", null, key == null
                    ? "Missing organization API key: send Authorization: Bearer <org api key> or X-Org-API-Key."
                    : "The organization API key is not valid (wrong, rotated or expired).");
        }
        var probe = buckets.get(organization.id(), id -> newBucket()).tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Limit", Integer.toString(perMinute));
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            audit.record(organization.id(), endpoint, "refused:rate_limited", organization.sandbox());
            throw KycException.rateLimited("Per-organization limit of " + perMinute + " Backend API calls per minute "
                    + "reached. Retry after " + retryAfter + " seconds.", retryAfter);
        }
        try {
            T answer = work.apply(new Call(organization, request));
            audit.record(organization.id(), endpoint, outcome.apply(answer), organization.sandbox());
            return answer;
        } catch (KycException e) {
            audit.record(organization.id(), endpoint, "refused:" + e.code(), organization.sandbox());
            throw e;
        } catch (EngineUnavailableException e) {
            audit.record(organization.id(), endpoint, "refused:" + EngineUnavailableException.CODE, organization.sandbox());
            throw e;
        } catch (MultipartException e) {
            audit.record(organization.id(), endpoint, "refused:malformed_multipart", organization.sandbox());
            throw e;
        }
    }

    static @Nullable String presentedKey(HttpServletRequest request) {
        var header = request.getHeader("X-Org-API-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        var authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillIntervally(perMinute, Duration.ofMinutes(1)).build()).build();
    }

}
