package io.kycflow.api;

import java.net.URI;

import io.kycflow.security.StoredApiKeys;
import io.kycflow.shared.KycException;
import io.kycflow.shared.Problems;
import io.kycflow.verification.EngineUnavailableException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every REST failure as RFC 9457 problem details with a stable {@code code}; never a stack trace. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final int maxParameterCount;
    private final String uploadLimits;

    ProblemAdvice(@Value("${server.tomcat.max-parameter-count:1000}") int maxParameterCount,
                  @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
                  @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize,
                  @Value("${server.tomcat.max-part-count:50}") int maxPartCount) {
        this.maxParameterCount = maxParameterCount;
        this.uploadLimits = "The upload is larger than this server accepts: at most " + maxFileSize.toMegabytes()
                + " MB per part, " + maxRequestSize.toMegabytes() + " MB per request and " + maxPartCount + " parts.";
    }

    @ExceptionHandler(KycException.class)
    ResponseEntity<ProblemDetail> business(KycException e) {
        var status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        var problem = problem(status, e.code(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        if (e.kind() == KycException.Kind.RATE_LIMITED) {
            return ResponseEntity.status(status).header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (e.kind() == KycException.Kind.UNAVAILABLE) {
            return ResponseEntity.status(status).header("Retry-After", "30").contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return respond(problem);
    }

    /** A PRODUCTION step with no real engine installed: refused, never faked (the callers check first; a safety net). */
    @ExceptionHandler(EngineUnavailableException.class)
    ResponseEntity<ProblemDetail> engineUnavailable(EngineUnavailableException e) {
        var problem = problem(HttpStatus.CONFLICT, EngineUnavailableException.CODE, e.getMessage());
        problem.setProperty("field", "technology");
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid_parameter", e.getName() + " has an invalid value");
        problem.setProperty("field", e.getName());
        return respond(problem);
    }

    /** A multipart body that cannot be parsed (size limits are answered with 413 by the base class). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed_multipart",
                "The multipart body could not be read: send multipart/form-data with a boundary and well-formed parts."));
    }

    /** A form body whose parameters the container cannot decode (query strings never get this far). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> malformedParameters(InvalidParameterException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed_query",
                MalformedRequestFilter.DETAIL.formatted(maxParameterCount)));
    }

    /** The admin API shows a key stored under another master key: the operator's to fix, so the log says how. */
    @ExceptionHandler(StoredApiKeys.Unreadable.class)
    ResponseEntity<ProblemDetail> unreadableKey(StoredApiKeys.Unreadable e) {
        log.error(e.getMessage()); // the row and the master key's fingerprint, never a key
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "api_key_unreadable", "The stored API key cannot be "
                + "opened with this server's master key (KYCFLOW_MASTER_KEY): start the server with the master key it was "
                + "stored with, or rotate the key."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The server could not complete the request; nothing was changed by this request if it failed."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        var status = HttpStatus.resolve(statusCode.value());
        var problem = problem(status == null ? HttpStatus.BAD_REQUEST : status, code(ex), detail(ex));
        var responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, responseHeaders, statusCode);
    }

    private static String code(Exception ex) {
        return switch (ex) {
            case HttpMessageNotReadableException e -> "malformed_body";
            case HttpMediaTypeNotSupportedException e -> "unsupported_media_type";
            case HttpMediaTypeNotAcceptableException e -> "not_acceptable";
            case HttpRequestMethodNotSupportedException e -> "method_not_allowed";
            case MissingServletRequestParameterException e -> "missing_parameter";
            case NoResourceFoundException e -> "not_found";
            case MaxUploadSizeExceededException e -> "payload_too_large";
            default -> "bad_request";
        };
    }

    private String detail(Exception ex) {
        return switch (ex) {
            case HttpMessageNotReadableException e -> "The request body is missing or is not valid JSON.";
            case HttpMediaTypeNotSupportedException e -> "Send the body as Content-Type: application/json.";
            case HttpRequestMethodNotSupportedException e -> "Method " + e.getMethod() + " is not allowed here.";
            case MissingServletRequestParameterException e -> "Query parameter " + e.getParameterName() + " is required.";
            case NoResourceFoundException e -> "No such endpoint.";
            case MaxUploadSizeExceededException e -> uploadLimits;
            default -> "The request could not be processed.";
        };
    }

    static ProblemDetail problem(HttpStatus status, String code, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.type(code)));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
