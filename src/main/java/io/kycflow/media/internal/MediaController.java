package io.kycflow.media.internal;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.kycflow.media.MediaService;
import io.kycflow.media.MediaUnreadableException;
import io.kycflow.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves an object to whoever presents a valid signed link (the link is the credential). Every object served is
 * recorded first, so nothing leaves unaudited; refused requests write nothing, so anonymous traffic cannot grow the
 * audit table.
 */
@RestController
class MediaController {

    private final MediaUrls urls;
    private final MediaService media;
    private final MediaRepository repository;

    MediaController(MediaUrls urls, MediaService media, MediaRepository repository) {
        this.urls = urls;
        this.media = media;
        this.repository = repository;
    }

    @GetMapping("/media/{mediaId}")
    ResponseEntity<byte[]> serve(@PathVariable String mediaId, HttpServletRequest request) {
        var viewer = single(request, "viewer");
        var id = urls.verify(mediaId, single(request, "expires"), viewer, single(request, "signature"));
        var content = media.content(id);
        repository.recordAccess(content.ref(), viewer, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.ref().contentType()))
                .contentLength(content.bytes().length)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("Referrer-Policy", "no-referrer")
                .body(content.bytes());
    }

    /** A parameter given once; repeated, it is ambiguous and the link is refused like any altered one. */
    private static @Nullable String single(HttpServletRequest request, String name) {
        var values = request.getParameterValues(name);
        return values != null && values.length == 1 ? values[0] : null;
    }

    /** The server's fault (a lost blob, another master key), said without internals; logged where it was found. */
    @ExceptionHandler(MediaUnreadableException.class)
    ResponseEntity<ProblemDetail> unreadable(MediaUnreadableException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "This media cannot be read on the server right now; the operator has been told in the server log.");
        problem.setType(URI.create(Problems.type("media_unreadable")));
        problem.setTitle(HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
        problem.setProperty("code", "media_unreadable");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
