package io.kycflow.remote.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.kycflow.shared.Problems;
import io.kycflow.shared.RequestFields;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request under {@code /flow/} passes before any endpoint reads its body:
 * <ol>
 *   <li>a per-session budget (token buckets in memory, keyed by the session id in the path: state-changing requests
 *       progress reads and selfie guidance frames each have their own), 429 with {@code Retry-After} past it;</li>
 *   <li>for every request that may change something (anything but GET, HEAD, OPTIONS), the CSRF guard: the header
 *       {@value #HEADER}{@code : 1}, which no form or simple cross-site request can carry (setting it forces a CORS
 *       preflight, which this server never grants), and, when the browser sends an {@code Origin}, our own origin
 *       (the public base URL's, or the one the request was addressed to); 403 {@code csrf_refused} otherwise. The
 *       binding cookie is SameSite=Strict as well.</li>
 * </ol>
 * No CORS headers are ever served. Responses are {@code Cache-Control: no-store}: they describe one browser's view.
 */
class FlowGuardFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Kycflow-Flow";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final int writesPerMinute;
    private final int readsPerMinute;
    private final int guidancePerMinute;
    private final Cache<String, Bucket> writes;
    private final Cache<String, Bucket> reads;
    private final Cache<String, Bucket> guidance;
    private final @Nullable String publicOrigin;

    FlowGuardFilter(RemoteProperties.RateLimit limits, String publicBaseUrl) {
        this.writesPerMinute = limits.requestsPerMinute();
        this.readsPerMinute = limits.readsPerMinute();
        this.guidancePerMinute = limits.guidancePerMinute();
        this.writes = Caffeine.newBuilder().maximumSize(limits.maxTrackedSessions()).expireAfterAccess(Duration.ofMinutes(2)).build();
        this.reads = Caffeine.newBuilder().maximumSize(limits.maxTrackedSessions()).expireAfterAccess(Duration.ofMinutes(2)).build();
        this.guidance = Caffeine.newBuilder().maximumSize(limits.maxTrackedSessions()).expireAfterAccess(Duration.ofMinutes(2)).build();
        this.publicOrigin = origin(publicBaseUrl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        boolean read = READS.contains(request.getMethod());
        var sessionId = sessionId(request);
        if (sessionId != null) {
            boolean guide = !read && request.getRequestURI().endsWith("/guidance");
            int perMinute = read ? readsPerMinute : guide ? guidancePerMinute : writesPerMinute;
            var bucket = (read ? reads : guide ? guidance : writes).get(sessionId, id -> newBucket(perMinute));
            var probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                response.setHeader("Retry-After", Long.toString(retryAfter));
                refuse(response, 429, "Too Many Requests", "rate_limited", "This verification sent more than " + perMinute
                        + (read ? " progress reads" : guide ? " guidance frames" : " requests") + " in a minute. Retry after " + retryAfter + " seconds.");
                return;
            }
        }
        if (!read) {
            if (!"1".equals(request.getHeader(HEADER))) {
                refuse(response, 403, "Forbidden", "csrf_refused", "Requests that change a verification must carry the "
                        + "header " + HEADER + ": 1 (the verification page sends it).");
                return;
            }
            var origin = request.getHeader("Origin");
            if (origin != null && !ours(origin, request)) {
                refuse(response, 403, "Forbidden", "csrf_refused", "Requests that change a verification are accepted only "
                        + "from this server's own pages, not from another site.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String title, String code, String detail) throws IOException {
        response.setHeader("Connection", "close"); // the body, if any, is not read
        Problems.write(response, status, title, code, detail);
    }

    /** The session id of {@code /flow/{session_id}/…} in its canonical form, or null when the path has none. */
    private static @Nullable String sessionId(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/flow/")) {
            return null;
        }
        int end = path.indexOf('/', 6);
        var id = RequestFields.parseUuid(path.substring(6, end < 0 ? path.length() : end));
        return id == null ? null : id.toString();
    }

    private boolean ours(String origin, HttpServletRequest request) {
        var presented = origin(origin);
        if (presented == null) {
            return false; // "null" (a sandboxed frame, a privacy redirect) or malformed
        }
        return presented.equals(publicOrigin)
                || presented.equals(origin(request.getScheme() + "://" + hostHeader(request)));
    }

    private static String hostHeader(HttpServletRequest request) {
        var host = request.getHeader("Host");
        return host == null ? request.getServerName() + ":" + request.getServerPort() : host;
    }

    /** {@code scheme://host:port} with the scheme's default port made explicit, or null when it is not an origin. */
    static @Nullable String origin(String url) {
        try {
            var uri = new URI(url.strip());
            var scheme = uri.getScheme();
            var host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static Bucket newBucket(int perMinute) {
        // Interval refill like /mcp's: the minute's budget returns at once, so "31 requests within a minute" is a 429.
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillIntervally(perMinute, Duration.ofMinutes(1)).build()).build();
    }
}
