package io.kycflow.api;

import java.util.Set;

import io.kycflow.api.internal.BackendCalls;
import io.kycflow.verification.DocumentParse;
import io.kycflow.verification.DocumentReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backend Integration API, document part: {@code POST /api/v1/backend/document/parse/} with the organization's API
 * key ({@code Authorization: Bearer} or {@code X-Org-API-Key}), multipart {@code frontside_image}, optional
 * {@code backside_image} and {@code country_code}; answers {@link DocumentParse}, inside {@link BackendCalls} (auth,
 * rate limit, upload checks, audit) like the face checks. TEST/DEMO organizations get the sandbox's labelled answer.
 */
@RestController
class BackendDocumentController {

    private static final int MAX_COUNTRY_BYTES = 16;

    private final BackendCalls calls;
    private final DocumentReader reader;

    BackendDocumentController(BackendCalls calls, DocumentReader reader) {
        this.calls = calls;
        this.reader = reader;
    }

    @PostMapping(path = "/api/v1/backend/document/parse/", produces = MediaType.APPLICATION_JSON_VALUE)
    DocumentParse parse(HttpServletRequest request, HttpServletResponse response) {
        return calls.call(request, response, "document/parse", call -> {
            call.allowOnly(Set.of("frontside_image", "backside_image", "country_code"));
            var front = call.image("frontside_image");
            var back = call.optionalImage("backside_image");
            var country = call.optionalText("country_code", MAX_COUNTRY_BYTES,
                    "country_code must be an ISO 3166-1 alpha-3 country code, e.g. KAZ.");
            return reader.parse(front.bytes(), back == null ? null : back.bytes(), country, call.organization().sandbox());
        }, answer -> answer.failureReason() == null ? "read" : "failed");
    }
}
