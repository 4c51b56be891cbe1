package io.kycflow.cabinet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like client over real HTTP: keeps cookies itself (the JDK's cookie manager drops {@code Secure} ones on
 * http://localhost), follows no redirect, and reads the CSRF token from the last form it was shown.
 */
final class CabinetClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Page(int status, String body, String location, java.net.http.HttpHeaders headers) {
    }

    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf = "";

    CabinetClient(int port) {
        this.port = port;
    }

    Page get(String path, String... headers) {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A form post with the CSRF token of the last page seen (unless {@code withCsrf} is false). */
    Page post(String path, boolean withCsrf, String... fields) {
        var form = new java.util.ArrayList<Map.Entry<String, String>>(); // a name may repeat, as ticked checkboxes do
        for (int i = 0; i < fields.length; i += 2) {
            form.add(Map.entry(fields[i], fields[i + 1]));
        }
        if (withCsrf) {
            form.add(Map.entry("_csrf", csrf));
        }
        var body = form.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Page post(String path, String... fields) {
        return post(path, true, fields);
    }

    /** Signs in through the form; answers where the server sent the browser. */
    String login(String email, String password) {
        get("/cabinet/login");
        var page = post("/cabinet/login", "username", email, "password", password);
        assertThat(page.status()).isEqualTo(302);
        return page.location();
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (var header : response.headers().allValues("Set-Cookie")) {
                var pair = header.split(";", 2)[0].split("=", 2);
                if (header.contains("Max-Age=0") || pair[1].isEmpty()) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
            var matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(""), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
