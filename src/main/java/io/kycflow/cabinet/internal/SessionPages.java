package io.kycflow.cabinet.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.flow.FlowService;
import io.kycflow.media.MediaService;
import io.kycflow.review.ReviewService;
import io.kycflow.session.SessionSearch;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.shared.KycException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organization's sessions: a filtered list paged by session id, and one session with its steps, result fields,
 * media and review trail. Every read goes through the organization-scoped services, so another organization's
 * session is "not found". VIEWERs see neither media nor personal fields (result fields, metadata).
 */
@Controller
class SessionPages {

    private static final int PAGE = 50;
    /** Longer values are not indexed (MetadataIndex), so a longer search could never match. */
    static final int MAX_METADATA_VALUE = 200;

    private final SessionSearch search;
    private final SessionService sessions;
    private final ReviewService reviews;
    private final MediaService media;
    private final FlowService flows;
    private final AuditLog audit;

    SessionPages(SessionSearch search, SessionService sessions, ReviewService reviews, MediaService media,
                 FlowService flows, AuditLog audit) {
        this.search = search;
        this.sessions = sessions;
        this.reviews = reviews;
        this.media = media;
        this.flows = flows;
        this.audit = audit;
    }

    /**
     * The list. Status, flow and dates are in the address; a metadata value never is: the filter form posts it to
     * {@link #search}, and the address names it by the opaque id of {@link SavedSearches} ({@code filter}).
     */
    @GetMapping("/cabinet/sessions")
    String list(@AuthenticationPrincipal CabinetUser me, @RequestParam(required = false) @Nullable SessionStatus status,
                @RequestParam(defaultValue = "") String flow, @RequestParam(required = false) @Nullable LocalDate from,
                @RequestParam(required = false) @Nullable LocalDate to, @RequestParam(required = false) @Nullable String filter,
                @RequestParam(required = false) @Nullable UUID before, HttpSession http, Model model) {
        var canSeePersonal = me.can(CabinetRole.REVIEWER);
        String metadata = null;
        if (filter != null && !filter.isBlank() && canSeePersonal) {
            metadata = SavedSearches.find(http, filter);
            if (metadata == null) {
                throw KycException.invalid("filter", "This search is no longer kept (it was made in another sign-in, or "
                        + "too many searches followed it). Enter the metadata value again.");
            }
        }
        var criteria = new SessionSearch.Filter(status, flowId(flow), from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), metadata, before);
        model.addAttribute("page", search.page(me.organizationId(), criteria, PAGE));
        model.addAttribute("flows", flows.list(me.organizationId(), FlowService.MAX_PAGE, 0).results());
        model.addAttribute("statuses", SessionStatus.values());
        model.addAttribute("filter", criteria);
        model.addAttribute("filterId", metadata == null ? null : filter);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        model.addAttribute("personal", canSeePersonal);
        return "cabinet/sessions";
    }

    /**
     * The filter form: keeps a metadata value in the member's HTTP session and redirects to the list with its opaque
     * id (Post/Redirect/Get; the value is in no URL, no Location header and no log). VIEWERs' values are dropped, as
     * they may not filter by personal data.
     */
    @PostMapping("/cabinet/sessions/search")
    String search(@AuthenticationPrincipal CabinetUser me, @RequestParam(required = false) @Nullable SessionStatus status,
                  @RequestParam(defaultValue = "") String flow, @RequestParam(required = false) @Nullable LocalDate from,
                  @RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "") String metadata,
                  HttpSession http) {
        var value = metadata.strip();
        if (value.length() > MAX_METADATA_VALUE) {
            throw KycException.invalid("metadata", "A metadata value to search for is at most " + MAX_METADATA_VALUE + " characters.");
        }
        var target = UriComponentsBuilder.fromPath("/cabinet/sessions");
        if (status != null) {
            target.queryParam("status", status.name());
        }
        var flowId = flowId(flow);
        if (flowId != null) {
            target.queryParam("flow", flowId);
        }
        if (from != null) {
            target.queryParam("from", from);
        }
        if (to != null) {
            target.queryParam("to", to);
        }
        if (!value.isEmpty() && me.can(CabinetRole.REVIEWER)) {
            target.queryParam("filter", SavedSearches.save(http, value));
        }
        return "redirect:" + target.build().toUriString();
    }

    /** "Any" flow is the form's empty value. */
    private static @Nullable UUID flowId(String flow) {
        if (flow.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(flow.strip());
        } catch (IllegalArgumentException e) {
            throw KycException.invalid("flow", "The flow is not one of the list's.");
        }
    }

    @GetMapping("/cabinet/sessions/{id}")
    String detail(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id, Model model, HttpServletRequest request) {
        var session = sessions.get(me.organizationId(), id);
        var personal = me.can(CabinetRole.REVIEWER);
        model.addAttribute("s", session);
        model.addAttribute("facts", session.steps().stream().map(step -> ResultFacts.of(step.result())).toList());
        var attempts = sessions.attempts(me.organizationId(), id);
        model.addAttribute("attempts", session.steps().stream()
                .map(step -> attempts.stream().filter(a -> a.position() == step.position()).toList()).toList());
        model.addAttribute("flow", flows.get(me.organizationId(), session.flowId()));
        model.addAttribute("reviews", reviews.list(me.organizationId(), id));
        model.addAttribute("personal", personal);
        model.addAttribute("decidable", personal && session.status().canBeReviewedTo(SessionStatus.APPROVED));
        // media load only when asked for (?media=shown), each file through SessionMedia, which audits the view
        model.addAttribute("media", personal ? media.ofSession(id).stream()
                .map(ref -> new Thumb(ref.kind().name().toLowerCase(), SessionMedia.path(id, ref.id()))).toList() : List.of());
        model.addAttribute("mediaShown", personal && "shown".equals(request.getParameter("media")));
        return "cabinet/session";
    }

    public record Thumb(String kind, String url) {
    }

    @PostMapping("/cabinet/sessions/{id}/decision")
    String decide(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id, @RequestParam String decision,
                  @RequestParam(defaultValue = "") String reason, HttpServletRequest request, RedirectAttributes flash) {
        var target = "approve".equals(decision) ? SessionStatus.APPROVED
                : "decline".equals(decision) ? SessionStatus.DECLINED : null;
        if (target == null) {
            throw KycException.invalid("decision", "decision must be approve or decline");
        }
        if (target == SessionStatus.DECLINED && reason.isBlank()) {
            flash.addFlashAttribute("problem", "Give a reason to decline.");
            return "redirect:/cabinet/sessions/" + id;
        }
        reviews.decide(me.organizationId(), id, target, reason.isBlank() ? null : reason, me.email());
        audit.record(me.organizationId(), me.email(), "decision", id.toString(), target.name(), request);
        flash.addFlashAttribute("notice", target == SessionStatus.APPROVED ? "Approved." : "Declined.");
        return "redirect:/cabinet/sessions/" + id;
    }

    @PostMapping("/cabinet/sessions/{id}/messages")
    String message(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String message,
                   HttpServletRequest request, RedirectAttributes flash) {
        if (message.isBlank()) {
            flash.addFlashAttribute("problem", "Write a message first.");
            return "redirect:/cabinet/sessions/" + id;
        }
        reviews.addMessage(me.organizationId(), id, message, me.email());
        audit.record(me.organizationId(), me.email(), "message", id.toString(), null, request);
        flash.addFlashAttribute("notice", "Message added.");
        return "redirect:/cabinet/sessions/" + id;
    }
}
