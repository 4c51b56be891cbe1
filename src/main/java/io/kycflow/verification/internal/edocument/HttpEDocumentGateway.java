package io.kycflow.verification.internal.edocument;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP adapter for a government e-document gateway (contract: docs/integration/e-document-gateway.md).
 * A lookup is a read, so a timeout, a refused connection, 429 or 5xx is retried with doubling backoff up to
 * {@code max-attempts}; 404 (no document) and 403 {@code consent_declined} are answers, not failures. A lookup that
 * fails after its retries, or meets a misconfiguration (other 4xx) or a malformed answer, counts against the circuit
 * breaker, which then refuses lookups at once for a while. Logs name the request id and status, never the IIN, the
 * person or the credentials.
 */
final class HttpEDocumentGateway implements EDocumentProvider {

    static final String PATH = "v1/edocuments/lookup";
    private static final Logger log = LoggerFactory.getLogger(HttpEDocumentGateway.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final long MAX_ANSWER = 8L * 1024 * 1024;

    private final GatewayProperties properties;
    private final URI endpoint;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final @Nullable String authorization;

    HttpEDocumentGateway(GatewayProperties properties, Clock clock) {
        if (properties.baseUrl() == null) {
            throw new IllegalArgumentException("the e-document gateway needs kycflow.edocument.gateway.base-url");
        }
        this.properties = properties;
        var base = properties.baseUrl().toString();
        this.endpoint = URI.create(base.endsWith("/") ? base : base + "/").resolve(PATH);
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.breaker = new CircuitBreaker(properties.failureThreshold(), properties.openDuration(), clock);
        this.authorization = properties.clientId() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (properties.clientId() + ":" + (properties.clientSecret() == null ? "" : properties.clientSecret()))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "e-document-gateway";
    }

    CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    @Override
    public EDocument fetch(EDocumentQuery query) throws EDocumentFailure {
        if (!breaker.tryAcquire()) {
            throw unavailable("The e-document service is not answering; please try again in a few minutes.");
        }
        try {
            var document = lookup(query);
            breaker.onSuccess();
            return document;
        } catch (EDocumentFailure failure) {
            if (failure.code().equals(EDocumentFailure.UNAVAILABLE)) {
                breaker.onFailure();
            } else {
                breaker.onSuccess(); // not found / declined: the gateway works
            }
            throw failure;
        }
    }

    private EDocument lookup(EDocumentQuery query) throws EDocumentFailure {
        var body = JSON.createObjectNode().put("iin", query.iin()).put("document_type", query.documentType())
                .put("request_id", query.requestId().toString()).toString();
        var builder = HttpRequest.newBuilder(endpoint).timeout(properties.readTimeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-Request-Id", query.requestId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        var request = builder.build();
        var wait = properties.backoff();
        for (int attempt = 1; ; attempt++) {
            String problem;
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                byte[] answer;
                try (var in = response.body()) {
                    answer = in.readNBytes((int) MAX_ANSWER + 1);
                }
                int status = response.statusCode();
                if (status == 200) {
                    return parse(answer, query);
                }
                if (status == 404) {
                    throw new EDocumentFailure(EDocumentFailure.NOT_FOUND, "The e-document service has no "
                            + query.documentType() + " for this person.");
                }
                if (status == 403 && "consent_declined".equals(code(answer))) {
                    throw new EDocumentFailure(EDocumentFailure.CONSENT_DECLINED, "The person did not allow the "
                            + "e-document service to share the document.");
                }
                if (status != 429 && status < 500) { // our request or credentials are wrong: retrying will not help
                    log.warn("E-document gateway refused request {} with HTTP {}: check kycflow.edocument.gateway settings",
                            query.requestId(), status);
                    throw unavailable("The e-document service refused the request.");
                }
                problem = "HTTP " + status;
            } catch (IOException e) { // timeout, refused or reset connection
                problem = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("The e-document lookup was interrupted.");
            }
            if (attempt >= properties.maxAttempts()) {
                log.warn("E-document gateway: request {} failed {} time(s), last: {}", query.requestId(), attempt, problem);
                throw unavailable("The e-document service could not be reached; please try again later.");
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("The e-document lookup was interrupted.");
            }
            wait = wait.multipliedBy(2);
        }
    }

    private EDocument parse(byte[] answer, EDocumentQuery query) throws EDocumentFailure {
        try {
            if (answer.length > MAX_ANSWER) {
                throw new IllegalArgumentException("answer larger than " + MAX_ANSWER + " bytes");
            }
            var node = JSON.readTree(answer);
            byte[] photo = null;
            String photoType = null;
            var photoNode = node.path("photo");
            if (photoNode.isObject()) {
                photo = Base64.getDecoder().decode(required(photoNode, "data"));
                photoType = imageType(photo);
                if (photoType == null) {
                    throw new IllegalArgumentException("photo is neither JPEG nor PNG");
                }
            }
            var expiry = node.path("expiry_date");
            return new EDocument(required(node, "document_type"), required(node, "document_number"), required(node, "surname"),
                    node.path("given_names").asString(""), LocalDate.parse(required(node, "birth_date")),
                    expiry.isString() ? LocalDate.parse(expiry.asString()) : null, photo, photoType);
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
            log.warn("E-document gateway: request {} answered 200 with a body that breaks the contract ({})",
                    query.requestId(), e.getClass().getSimpleName());
            throw unavailable("The e-document service gave an answer that could not be read.");
        }
    }

    private static String required(JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asString();
    }

    private static @Nullable String code(byte[] answer) {
        try {
            return JSON.readTree(answer).path("code").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** By magic bytes, as captures are checked: only what the media store keeps. */
    static @Nullable String imageType(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    private static EDocumentFailure unavailable(String detail) {
        return new EDocumentFailure(EDocumentFailure.UNAVAILABLE, detail);
    }
}
