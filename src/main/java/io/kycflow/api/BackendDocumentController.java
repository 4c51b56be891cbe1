package io.kycflow.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.kycflow.organization.Organization;
import io.kycflow.organization.OrganizationService;
import io.kycflow.remote.CaptureImages;
import io.kycflow.shared.KycException;
import io.kycflow.verification.DocumentParse;
import io.kycflow.verification.DocumentReader;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Backend Integration API, document part: {@code POST /api/v1/backend/document/parse/} with the organization's API
 * key ({@code Authorization: Bearer} or {@code X-Org-API-Key}), multipart {@code frontside_image}, optional
 * {@code backside_image} and {@code country_code}; answers {@link DocumentParse}. TEST/DEMO organizations get the
 * sandbox's labelled answer.
 */
@RestController
class BackendDocumentController {

    private static final Set<String> IMAGES = Set.of("frontside_image", "backside_image");
    private static final int MAX_TEXT = 16;

    private final OrganizationService organizations;
    private final DocumentReader reader;

    BackendDocumentController(OrganizationService organizations, DocumentReader reader) {
        this.organizations = organizations;
        this.reader = reader;
    }

    @PostMapping(path = "/api/v1/backend/document/parse/", produces = MediaType.APPLICATION_JSON_VALUE)
    DocumentParse parse(HttpServletRequest request) {
        var organization = caller(request);
        backendGuard(request, organization);
        var parts = parts(request);
        var front = parts.get("frontside_image");
        if (front == null) {
            throw KycException.invalid("frontside_image", "frontside_image is required: a JPEG, PNG or WebP photo of the "
                    + "document's front (and backside_image for an ID card with the MRZ on its back).");
        }
        var back = parts.get("backside_image");
        var country = parts.get("country_code");
        return reader.parse(front, back, country == null ? null : new String(country, StandardCharsets.UTF_8),
                organization.sandbox());
    }

    /**
     * THE place where the shared Backend API guard (per-organization rate limit, audit of every call, the common
     * upload checks) plugs in; until it lands, the upload checks are applied in {@link #parts} and nothing else is.
     */
    private static void backendGuard(HttpServletRequest request, Organization organization) {
    }

    private Organization caller(HttpServletRequest request) {
        var key = request.getHeader("X-Org-API-Key");
        if (key == null) {
            var authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = authorization.substring(7);
            }
        }
        if (key == null || key.isBlank()) {
            throw new KycException(KycException.Kind.UNAUTHORIZED, "unauthorized", null,
                    "Missing organization API key: send Authorization: Bearer <org api key> or X-Org-API-Key.");
        }
        return organizations.authenticate(key.strip()).orElseThrow(() -> new KycException(KycException.Kind.UNAUTHORIZED,
                "unauthorized", null, "The organization API key is not valid (wrong, rotated or expired)."));
    }

    /** The parts by name, each image checked by its content and size before anything decodes it. */
    private static Map<String, byte[]> parts(HttpServletRequest request) {
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            throw new KycException(KycException.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null,
                    "Send multipart/form-data with a frontside_image part (and optionally backside_image, country_code).");
        }
        multipart.getMultiFileMap(); // parses the body; its limits answer 413, a broken body 400
        var found = new HashMap<String, byte[]>();
        try {
            for (Part part : multipart.getParts()) {
                var name = part.getName();
                if (found.containsKey(name)) {
                    throw KycException.invalid(name, name + " is given more than once; send one.");
                }
                if (IMAGES.contains(name)) {
                    if (part.getSize() > CaptureImages.MAX_BYTES) {
                        throw new KycException(KycException.Kind.TOO_LARGE, CaptureImages.TOO_LARGE, name, name + " is larger than 10 MB.");
                    }
                    var bytes = read(part);
                    CaptureImages.check(name, bytes);
                    found.put(name, bytes);
                } else if (name.equals("country_code")) {
                    if (part.getSize() > MAX_TEXT) {
                        throw KycException.invalid(name, "country_code must be an ISO 3166-1 alpha-3 country code, e.g. KAZ.");
                    }
                    found.put(name, read(part));
                } else {
                    throw new KycException(KycException.Kind.INVALID, "unexpected_part", "part",
                            "Unknown part; the parts are frontside_image, backside_image and country_code.");
                }
            }
        } catch (IOException | ServletException e) {
            throw new MultipartException("multipart body could not be read", e);
        }
        return found;
    }

    private static byte[] read(Part part) {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
