package io.kycflow.technology;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;

import io.kycflow.shared.KycException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Web origins as a config may list them ({@link ConfigField.Type#ORIGIN_LIST}): {@code scheme://host[:port]}, http or
 * https, nothing else. They end up in a CSP {@code frame-ancestors} directive and as a {@code postMessage} target, so
 * the form is strict: no path (not even {@code /}), query, fragment, user info or wildcard, and one spelling per
 * origin (lower case, the scheme's default port dropped), the one a browser reports in {@code MessageEvent.origin}.
 */
public final class Origins {

    public static final int MAX_LENGTH = 255;

    private Origins() {
    }

    /** The normalized origin, or null when {@code text} is not exactly an http(s) origin. */
    public static @Nullable String normalize(@Nullable String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || text.contains("*")) {
            return null;
        }
        try {
            var uri = new URI(text);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Validates a JSON array of origins and returns it normalized, without duplicates. */
    static ArrayNode check(String path, JsonNode value, int maxItems) {
        if (!value.isArray() || value.size() > maxItems) {
            throw KycException.invalid(path, path + " must be an array of at most " + maxItems
                    + " origins such as \"https://shop.example\"");
        }
        var origins = new LinkedHashSet<String>();
        for (var item : value) {
            var origin = item.isString() ? normalize(item.asString()) : null;
            if (origin == null) {
                throw KycException.invalid(path, path + " must list origins only: scheme (http or https), host and an "
                        + "optional port, such as \"https://shop.example\" or \"https://shop.example:8443\"; no path "
                        + "(not even a trailing /), no wildcard. "
                        + (item.isString() ? "\"" + shorten(item.asString()) + "\" is not one." : "Each must be a string."));
            }
            origins.add(origin);
        }
        var result = JsonNodeFactory.instance.arrayNode();
        origins.forEach(result::add);
        return result;
    }

    private static String shorten(String text) {
        var printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
