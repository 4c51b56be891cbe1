package io.kycflow.remote.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kycflow.remote.CaptureImages;
import io.kycflow.shared.KycException;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Capture;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The body of {@code POST /flow/{session_id}/captures}, read only after the caller, the session and the step have
 * been checked: {@code multipart/form-data} with the text fields {@code technology}, {@code outcome} and (ED) {@code iin}, and image
 * parts named by what they show ({@code frame}, repeated for a liveness burst; {@code selfie};
 * {@code document_front}; {@code document_back}). Each image is checked by {@link CaptureImages} (type by its magic
 * bytes, size, dimensions from the header) before anything stores or decodes it. Parts are held in memory (the
 * multipart threshold is above the largest part), so a capture never reaches the disk unencrypted.
 */
final class CaptureForm {

    static final Set<String> IMAGE_PARTS = Set.of("frame", "selfie", "document_front", "document_back");
    private static final Set<String> TEXT_PARTS = Set.of("technology", "outcome", "iin");
    private static final int MAX_TEXT = 64;

    private final Map<String, String> text = new LinkedHashMap<>();
    private final Map<String, List<Part>> images = new LinkedHashMap<>();
    private @Nullable Part signedFile;

    static final String SIGNED_FILE = "signed_file";
    /** A CMS signature with its certificate chain is a few KB; anything near this is not one. */
    static final int MAX_SIGNED_FILE = 1024 * 1024;

    private CaptureForm() {
    }

    /**
     * Parses the body (its limits are the multipart ones: 413 past them) and checks its structure: known part names,
     * at most {@code maxParts} parts and {@code maxFrames} frames, single parts given once.
     */
    static CaptureForm read(HttpServletRequest request, int maxParts, int maxFrames) {
        var form = new CaptureForm();
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
                throw new KycException(KycException.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null,
                        "Send the captures as multipart/form-data, one part per image.");
            }
            return form; // no body: a step without captures (F2F, ED), technology in the query string
        }
        multipart.getMultiFileMap(); // parses the body; a failure becomes a 413 or 400 problem
        java.util.Collection<Part> parts;
        try {
            parts = multipart.getParts();
        } catch (IOException | ServletException e) {
            throw new org.springframework.web.multipart.MultipartException("multipart body could not be read", e);
        }
        if (parts.size() > maxParts) {
            throw new KycException(KycException.Kind.INVALID, "too_many_parts", null, "A capture request may hold at most "
                    + maxParts + " parts; this one has " + parts.size() + ".");
        }
        int frames = 0;
        for (var part : parts) {
            var name = part.getName();
            if (TEXT_PARTS.contains(name)) {
                if (form.text.containsKey(name)) {
                    throw KycException.invalid(name, name + " is given more than once.");
                }
                form.text.put(name, text(part, name));
            } else if (IMAGE_PARTS.contains(name)) {
                if (name.equals("frame")) {
                    if (++frames > maxFrames) {
                        throw new KycException(KycException.Kind.INVALID, "too_many_frames", "frame", "A liveness burst may "
                                + "hold at most " + maxFrames + " frames.");
                    }
                } else if (form.images.containsKey(name)) {
                    throw KycException.invalid(name, name + " is given more than once; send one image.");
                }
                form.images.computeIfAbsent(name, n -> new ArrayList<>()).add(part);
            } else if (name.equals(SIGNED_FILE)) {
                if (form.signedFile != null) {
                    throw KycException.invalid(name, name + " is given more than once; send one signature.");
                }
                form.signedFile = part;
            } else {
                throw new KycException(KycException.Kind.INVALID, "unexpected_part", "part", "Unknown part '" + safe(name)
                        + "'; the parts are technology, outcome, iin, frame, selfie, document_front, document_back and signed_file.");
            }
        }
        return form;
    }

    @Nullable String text(String name) {
        return text.get(name);
    }

    /** The images for the technology, each checked; refuses parts the technology does not take and missing ones. */
    List<Capture> captures(TechnologyCode technology) {
        var allowed = switch (technology) {
            case LD -> Set.of("frame", "selfie");
            case DR -> Set.of("document_front", "document_back");
            default -> Set.<String>of(); // F2F compares what LD and DR/ED kept; ED asks its provider
        };
        for (var name : images.keySet()) {
            if (!allowed.contains(name)) {
                throw new KycException(KycException.Kind.INVALID, "unexpected_part", name, technology + " does not take "
                        + name + (allowed.isEmpty() ? "; send no images for this step." : "; it takes " + String.join(" and ", allowed.stream().sorted().toList()) + "."));
            }
        }
        if (technology == TechnologyCode.LD && images.isEmpty()) {
            throw KycException.invalid("frame", "LD needs a liveness burst (one or more frame parts) or a selfie.");
        }
        if (technology == TechnologyCode.DR && !images.containsKey("document_front")) {
            throw KycException.invalid("document_front", "DR needs document_front (and document_back for a card with two sides).");
        }
        var captures = new ArrayList<Capture>();
        if (technology.isDigitalSignature() != (signedFile != null)) {
            throw technology.isDigitalSignature()
                    ? KycException.invalid(SIGNED_FILE, technology + " needs signed_file: the CMS / PKCS#7 signature of "
                            + "this session's signing challenge (DER, PEM or base64).")
                    : new KycException(KycException.Kind.INVALID, "unexpected_part", SIGNED_FILE, technology
                            + " does not take signed_file; only a digital-signature step does.");
        }
        if (signedFile != null) { // not an image: the engine reads it as CMS; it is not stored as media
            if (signedFile.getSize() > MAX_SIGNED_FILE) {
                throw new KycException(KycException.Kind.TOO_LARGE, CaptureImages.TOO_LARGE, SIGNED_FILE,
                        "signed_file is larger than 1 MB; a signature with its certificates is a few KB.");
            }
            var bytes = read(signedFile);
            if (bytes.length == 0) {
                throw KycException.invalid(SIGNED_FILE, "signed_file is empty.");
            }
            captures.add(new Capture(SIGNED_FILE, "application/pkcs7-signature", bytes));
        }
        var iin = text.get("iin");
        if (iin != null) { // ED's lookup key; not an image, so never stored as media
            if (technology != TechnologyCode.ED) {
                throw new KycException(KycException.Kind.INVALID, "unexpected_part", "iin", technology + " does not take iin; "
                        + "only an ED step does.");
            }
            if (!iin.matches("\\d{12}")) {
                throw KycException.invalid("iin", "iin must be the person's 12-digit individual identification number.");
            }
            captures.add(new Capture("iin", "text/plain", iin.getBytes(StandardCharsets.US_ASCII)));
        }
        images.forEach((name, list) -> {
            for (int i = 0; i < list.size(); i++) {
                var bytes = bytes(list.get(i), field(name, i));
                captures.add(new Capture(name, CaptureImages.check(field(name, i), bytes).contentType(), bytes));
            }
        });
        return captures;
    }

    private static String field(String name, int index) {
        return name.equals("frame") ? "frame[" + index + "]" : name;
    }

    private static String text(Part part, String name) {
        if (part.getSize() > MAX_TEXT) {
            throw KycException.invalid(name, name + " must be at most " + MAX_TEXT + " characters.");
        }
        var value = new String(read(part), StandardCharsets.UTF_8).strip();
        if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
            throw KycException.invalid(name, name + " must be 1 to " + MAX_TEXT + " printable characters.");
        }
        return value;
    }

    /** The size is checked before the bytes are copied: a part over the limit is refused unread (413). */
    private static byte[] bytes(Part part, String field) {
        if (part.getSize() > CaptureImages.MAX_BYTES) {
            throw new KycException(KycException.Kind.TOO_LARGE, CaptureImages.TOO_LARGE, field, field + " is larger than 10 MB.");
        }
        return read(part);
    }

    private static byte[] read(Part part) {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A part name as sent, to quote it back: letters, digits, '_' and '-' only, at most 40 of them. */
    private static String safe(String name) {
        var kept = name.chars().filter(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-')).limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.length() < name.length() ? kept + "…" : kept;
    }
}
