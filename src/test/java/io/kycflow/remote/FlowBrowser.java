package io.kycflow.remote;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import io.kycflow.support.Http;
import javax.imageio.ImageIO;
import io.kycflow.support.Multipart;
import org.jspecify.annotations.Nullable;

/**
 * One browser of an end user, as the captures API sees it: its own cookie (parsed from {@code Set-Cookie} and sent
 * back only under the path it was set for), the header the verification page sends on every change, and our
 * origin. Each instance is another device.
 */
final class FlowBrowser {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final int port;
    /** path → cookie value, as a browser keeps them */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<String> setCookies = new ArrayList<>();
    private boolean flowHeader = true;
    private @Nullable String origin;

    FlowBrowser(int port) {
        this.port = port;
        this.origin = "http://localhost:" + port;
    }

    /** A browser that forgets the page's header (a form post, a plain cross-site request). */
    FlowBrowser withoutFlowHeader() {
        flowHeader = false;
        return this;
    }

    FlowBrowser fromOrigin(@Nullable String value) {
        origin = value;
        return this;
    }

    List<String> setCookies() {
        return setCookies;
    }

    @Nullable String cookie(String sessionId) {
        return cookies.get("/flow/" + sessionId);
    }

    Http.Response start(String sessionId) {
        return send("POST", "/flow/" + sessionId + "/start", null, BodyPublishers.noBody());
    }

    Http.Response decline(String sessionId) {
        return send("POST", "/flow/" + sessionId + "/decline", null, BodyPublishers.noBody());
    }

    Http.Response handoff(String sessionId) {
        return send("POST", "/flow/" + sessionId + "/handoff", null, BodyPublishers.noBody());
    }

    Http.Response claim(String sessionId, String token) {
        return send("POST", "/flow/" + sessionId + "/claim", "application/json",
                BodyPublishers.ofString("{\"handoff_token\":\"" + token + "\"}"));
    }

    Http.Response progress(String sessionId) {
        return send("GET", "/flow/" + sessionId + "/progress", null, BodyPublishers.noBody());
    }

    Http.Response captures(String sessionId, Multipart form) {
        return captures(sessionId, "", form);
    }

    Http.Response captures(String sessionId, String query, Multipart form) {
        return send("POST", "/flow/" + sessionId + "/captures" + query, form.contentType(), BodyPublishers.ofByteArray(form.bytes()));
    }

    Http.Response send(String method, String path, @Nullable String contentType, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (flowHeader) {
            request.header("X-Kycflow-Flow", "1");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        var sent = cookies.entrySet().stream().filter(c -> path.equals(c.getKey()) || path.startsWith(c.getKey() + "/"))
                .map(c -> "kycflow_device=" + c.getValue()).toList();
        if (!sent.isEmpty()) {
            request.header("Cookie", String.join("; ", sent));
        }
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (var header : response.headers().allValues("Set-Cookie")) {
                setCookies.add(header);
                keep(header);
            }
            return new Http.Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        String value = null;
        String path = "/";
        for (var attribute : setCookie.split(";")) {
            var pair = attribute.strip().split("=", 2);
            if (pair[0].equals("kycflow_device")) {
                value = pair[1];
            } else if (pair[0].equalsIgnoreCase("Path")) {
                path = pair[1];
            }
        }
        if (value != null) {
            cookies.put(path, value);
        }
    }

    /** A real image encoded by javax.imageio ({@code png} or {@code jpg}), different for every seed. */
    static byte[] image(String format, int width, int height, long seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(seed);
        var g = image.createGraphics();
        try {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 12; i++) {
                g.setColor(new Color(random.nextInt(0xFFFFFF)));
                g.fillOval(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 2), 1 + random.nextInt(height / 2));
            }
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A decompression bomb's header: a valid PNG signature and IHDR chunk (with its CRC) claiming
     * {@code width × height} pixels, followed by a tiny IDAT; decoding it would allocate gigabytes.
     */
    static byte[] pngBomb(int width, int height) {
        var ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0}).array();
        var crc = new CRC32();
        crc.update(ihdr);
        var out = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12 + 12);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr).putInt((int) crc.getValue());
        out.putInt(0).put("IDAT".getBytes(StandardCharsets.US_ASCII)).putInt(0x35AF061E); // an empty IDAT (CRC of "IDAT")
        out.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return out.array();
    }
}
