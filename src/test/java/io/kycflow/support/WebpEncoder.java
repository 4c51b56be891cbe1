package io.kycflow.support;

import java.util.Base64;
import java.util.List;

import io.kycflow.remote.web.Chromium;

/**
 * WebP images for tests, encoded by Chromium's own encoder (canvas {@code toDataURL('image/webp')}), as an Android
 * WebView or a browser canvas would make them: the JDK has no WebP writer and none is needed in production.
 */
public final class WebpEncoder {

    private static final String SCRIPT = """
            const [sources, quality, done] = arguments;
            Promise.all(sources.map(src => new Promise((ok, fail) => {
              const img = new Image();
              img.onload = () => {
                const canvas = document.createElement('canvas');
                canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
                canvas.getContext('2d').drawImage(img, 0, 0);
                ok(canvas.toDataURL('image/webp', quality));
              };
              img.onerror = () => fail('not an image');
              img.src = src;
            }))).then(done, e => done('error: ' + e));
            """;

    /** Each JPEG or PNG re-encoded as a lossy WebP of the given quality (0–1). */
    public static List<byte[]> encode(List<byte[]> images, String mediaType, double quality) {
        Chromium.assumeInstalled();
        try (var chromium = new Chromium(Chromium.Size.DESKTOP, Chromium.Camera.NONE, null, "webp-encoder")) {
            var sources = images.stream().map(b -> "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(b)).toList();
            Object answer = chromium.driver().executeAsyncScript(SCRIPT, sources, quality);
            if (!(answer instanceof List<?> urls)) {
                throw new IllegalStateException("Chromium did not encode the images: " + answer);
            }
            return urls.stream().map(url -> {
                var text = (String) url;
                if (!text.startsWith("data:image/webp;base64,")) {
                    throw new IllegalStateException("Chromium made no WebP: " + text.substring(0, Math.min(40, text.length())));
                }
                return Base64.getDecoder().decode(text.substring(text.indexOf(',') + 1));
            }).toList();
        }
    }

    private WebpEncoder() {
    }
}
