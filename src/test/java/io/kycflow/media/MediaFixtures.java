package io.kycflow.media;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import io.kycflow.media.internal.MediaUrls;
import io.kycflow.security.MasterKey;

/** Images, links and raw HTTP for the media tests. */
final class MediaFixtures {

    /** Base64 of the bytes 0x00..0x1f: a test value, never a real key. */
    static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** Base of the links in the tests: the links name it, requests go to the local port. */
    static final String PUBLIC_BASE = "https://kyc.example.test";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private MediaFixtures() {
    }

    /**
     * A PNG-looking image of {@code size} bytes that carries a marker unique to it; searching a stored blob for the
     * marker (or for any 32-byte run of the image) shows whether the image is kept in the clear.
     */
    static Image image(int size, long seed) {
        var bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        var marker = ("KYCFLOW-PLAIN-IMAGE-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, bytes, 16, marker.length);
        return new Image(bytes, marker);
    }

    record Image(byte[] bytes, byte[] marker) {
    }

    /** Whether {@code haystack} holds {@code needle} anywhere, or any 32-byte run of it. */
    static boolean containsAnyRunOf(byte[] haystack, byte[] needle) {
        var text = HexFormat.of().formatHex(haystack);
        for (int start = 0; start + 32 <= needle.length; start += 32) {
            if (text.contains(HexFormat.of().formatHex(needle, start, start + 32))) {
                return true;
            }
        }
        return needle.length < 32 && text.contains(HexFormat.of().formatHex(needle));
    }

    /** The signature of a link as the server computes it: independent of the server's code, from the wire format. */
    static String signature(MasterKey key, UUID mediaId, long expires, String viewer) {
        var message = ("/media/" + mediaId + "\n" + expires + "\n" + viewer).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.signer(MediaUrls.PURPOSE).sign(message));
    }

    /** The path and query of a link, to send to the local server whatever base the link names. */
    static String pathAndQuery(URI url) {
        return url.getRawPath() + "?" + url.getRawQuery();
    }

    static HttpResponse<byte[]> get(int port, String pathAndQuery) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
