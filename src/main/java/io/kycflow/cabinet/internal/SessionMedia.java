package io.kycflow.cabinet.internal;

import java.util.UUID;

import io.kycflow.media.MediaService;
import io.kycflow.session.SessionService;
import io.kycflow.shared.KycException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One media file of a session, opened by a reviewer: audited (who, which file, from where), then a redirect to a
 * short-lived URL signed for this viewer. The session page links here instead of embedding signed URLs, so that media
 * load only when asked for and each view is on record.
 */
@Controller
class SessionMedia {

    private final SessionService sessions;
    private final MediaService media;
    private final AuditLog audit;

    SessionMedia(SessionService sessions, MediaService media, AuditLog audit) {
        this.sessions = sessions;
        this.media = media;
        this.audit = audit;
    }

    static String path(UUID sessionId, UUID mediaId) {
        return "/cabinet/sessions/" + sessionId + "/media/" + mediaId;
    }

    @GetMapping("/cabinet/sessions/{id}/media/{mediaId}")
    String open(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id, @PathVariable UUID mediaId,
                HttpServletRequest request, HttpServletResponse response) {
        sessions.get(me.organizationId(), id); // another organization's session is not found
        var ref = media.ofSession(id).stream().filter(m -> m.id().equals(mediaId)).findFirst()
                .orElseThrow(() -> KycException.notFound("media_not_found", "This session has no such media file."));
        audit.record(me.organizationId(), me.email(), "media_view", id.toString(),
                ref.kind().name().toLowerCase() + " " + mediaId, request);
        var url = media.signedUrl(ref.id(), "cabinet:" + me.id()).url();
        response.setHeader("Cache-Control", "no-store");
        // same origin as the page (img-src 'self'), whatever public base URL the link was signed with
        return "redirect:" + url.getRawPath() + "?" + url.getRawQuery();
    }
}
