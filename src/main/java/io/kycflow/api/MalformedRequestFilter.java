package io.kycflow.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.kycflow.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.Parameters;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place where a query string the container cannot parse becomes a 400 in our words, on every path (REST,
 * {@code /mcp}, actuator probes). Tomcat parses parameters lazily and throws from whatever first asks for one (a
 * controller, a filter, the actuator), which surfaced as a 500 and an ERROR log. Here the query string is parsed
 * first, by Tomcat's own parser with the connector's limits, so a stray {@code %}, invalid UTF-8, an empty name or
 * too many parameters is refused before any code runs, and nothing is logged; so is a wildcard Content-Type (415),
 * which Spring MVC cannot take as a body's type. Bodies are left to the endpoint
 * that reads them (a multipart upload is not parsed here, before authentication); a form body that fails there
 * is answered by {@link ProblemAdvice}.
 */
class MalformedRequestFilter extends OncePerRequestFilter {

    static final String DETAIL = "The query string (or form body) could not be read: check its percent-encoding "
            + "(UTF-8), that every parameter has a name, and that there are at most %d parameters.";

    private final int maxParameterCount;

    MalformedRequestFilter(int maxParameterCount) {
        this.maxParameterCount = maxParameterCount;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var query = request.getQueryString();
        if (query != null && !query.isEmpty() && !readable(query)) {
            Problems.write(response, 400, "Bad Request", "malformed_query", DETAIL.formatted(maxParameterCount));
            return;
        }
        if (wildcard(request.getContentType())) {
            Problems.write(response, 415, "Unsupported Media Type", "unsupported_media_type", "The Content-Type header "
                    + "names no type (a wildcard such as */*): name the body's type, e.g. application/json.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A Content-Type such as {@code *}{@code /*} or {@code application/*}: Spring MVC refuses to read it as a request's
     * type with an exception that surfaced as a 500 wherever a body may be read (the actuator endpoints take an
     * optional one, so {@code GET /actuator/health} with it failed). Unparseable types are left alone: Spring ignores them.
     */
    private static boolean wildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private boolean readable(String query) {
        var parameters = new Parameters();
        parameters.setCharset(StandardCharsets.UTF_8);
        parameters.setQueryStringCharset(StandardCharsets.UTF_8);
        parameters.setLimit(maxParameterCount);
        var bytes = query.getBytes(StandardCharsets.ISO_8859_1);
        var message = MessageBytes.newInstance();
        message.setBytes(bytes, 0, bytes.length);
        parameters.setQuery(message);
        try {
            parameters.handleQueryParameters();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
