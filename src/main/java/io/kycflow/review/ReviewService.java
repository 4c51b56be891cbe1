package io.kycflow.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.kycflow.session.Session;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.shared.Ids;
import io.kycflow.shared.KycException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reviewers' messages and decisions; every decision is recorded in the same transaction as the status move. */
@Service
public class ReviewService {

    public static final int MAX_MESSAGE = 4000;

    private final ReviewRepository reviews;
    private final SessionService sessions;

    ReviewService(ReviewRepository reviews, SessionService sessions) {
        this.reviews = reviews;
        this.sessions = sessions;
    }

    @Transactional
    public Review addMessage(UUID organizationId, UUID sessionId, String message, String author) {
        sessions.get(organizationId, sessionId);
        var review = new Review(Ids.timeOrdered(), sessionId, ReviewType.MESSAGE, checked(message), null, null, author, now());
        reviews.insert(organizationId, review);
        return review;
    }

    /** Moves a FINISHED or FAILED session to APPROVED or DECLINED and records who did it and why. */
    @Transactional
    public Session decide(UUID organizationId, UUID sessionId, SessionStatus target, @Nullable String message,
                          String author) {
        if (target != SessionStatus.APPROVED && target != SessionStatus.DECLINED) {
            throw KycException.invalid("request_data.status", "request_data.status must be APPROVED or DECLINED");
        }
        var checkedMessage = message == null ? null : checked(message);
        var decision = sessions.decide(organizationId, sessionId, target);
        reviews.insert(organizationId, new Review(Ids.timeOrdered(), sessionId, ReviewType.STATUS_CHANGE, checkedMessage,
                decision.from(), target, author, now()));
        return decision.session();
    }

    public List<Review> list(UUID organizationId, UUID sessionId) {
        sessions.get(organizationId, sessionId);
        return reviews.findBySession(organizationId, sessionId);
    }

    private static String checked(String message) {
        var text = message.strip();
        if (text.isEmpty() || text.length() > MAX_MESSAGE) {
            throw KycException.invalid("request_data.message", "request_data.message must be 1 to " + MAX_MESSAGE
                    + " characters");
        }
        return text;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
