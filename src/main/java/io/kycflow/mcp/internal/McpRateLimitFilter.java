package io.kycflow.mcp.internal;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.kycflow.mcp.McpProperties;
import io.kycflow.shared.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-client-IP budget on {@code /mcp}, applied before anything else so anonymous floods and key guessing are
 * capped too. Every response carries {@code X-RateLimit-Limit}/{@code -Remaining}; over budget → 429 with
 * {@code Retry-After}. Buckets expire after idle time and their number is bounded, so memory stays flat.
 */
public class McpRateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final int perMinute;
    private final Cache<String, Bucket> buckets;
    private final ClientAddresses addresses;
    private final PendingAnswers pendingAnswers;
    private final JsonMapper json;

    public McpRateLimitFilter(McpProperties.RateLimit properties, PendingAnswers pendingAnswers, JsonMapper json) {
        this.perMinute = properties.requestsPerMinute();
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxTrackedClients())
                .expireAfterAccess(Duration.ofMinutes(2)).build();
        this.addresses = new ClientAddresses(properties.trustedProxies());
        this.pendingAnswers = pendingAnswers;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var bucket = buckets.get(addresses.of(request), ip -> newBucket());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Limit", Integer.toString(perMinute));
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        var answer = pendingAnswer(request);
        if (answer != null) {
            chain.doFilter(answer, response);
            return;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        McpResponses.refuse(response, 429, "rate_limited", "Per-IP limit of " + perMinute
                + " requests per minute reached on /mcp. Retry after " + retryAfter + " seconds.", retryAfter);
    }

    /**
     * An over-budget request still passes if it is the client's JSON-RPC response to a request this server is
     * waiting on (e.g. an elicitation answer) in that session. Returns the request with its body re-readable.
     */
    private HttpServletRequest pendingAnswer(HttpServletRequest request) throws IOException {
        var sessionId = request.getHeader("Mcp-Session-Id");
        if (!"POST".equals(request.getMethod()) || sessionId == null || !pendingAnswers.waiting(sessionId)
                || request.getContentLengthLong() > MAX_ANSWER_BYTES) {
            return null;
        }
        var body = request.getInputStream().readNBytes(MAX_ANSWER_BYTES + 1);
        if (body.length > MAX_ANSWER_BYTES || !isResponse(body) || !pendingAnswers.admit(sessionId)) {
            return null;
        }
        return new CachedBodyRequest(request, body);
    }

    private boolean isResponse(byte[] body) {
        try {
            JsonNode message = json.readTree(body);
            return message.isObject() && message.has("id") && !message.has("method")
                    && (message.has("result") || message.has("error"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Bucket newBucket() {
        // Interval refill: the whole minute's budget returns at once, so "61 requests within a minute" means 429.
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillIntervally(perMinute, Duration.ofMinutes(1)).build()).build();
    }
}
