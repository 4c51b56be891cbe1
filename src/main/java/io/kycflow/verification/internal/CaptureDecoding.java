package io.kycflow.verification.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a capture the upload checks accepted (JPEG, PNG or WebP by its magic bytes) for the real engines. The JDK's
 * ImageIO reads JPEG and PNG; WebP (what Android WebViews and some browsers' canvases produce) is read by
 * TwelveMonkeys' pure-Java reader, asked for by name rather than through ImageIO's plugin registry, whose discovery
 * depends on the class loader of the thread that first touches it (the engines' pool threads in a packaged jar).
 */
public final class CaptureDecoding {

    private static final WebPImageReaderSpi WEBP = new WebPImageReaderSpi();

    /** The decoded picture, or null when the bytes hold no readable image. */
    public static @Nullable BufferedImage decode(byte[] bytes) {
        try {
            return isWebp(bytes) ? webp(bytes) : ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null; // accepted by magic bytes and header, so the body inside is broken: the engines report poor quality
        }
    }

    static boolean isWebp(byte[] b) {
        return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    private static @Nullable BufferedImage webp(byte[] bytes) throws IOException {
        ImageReader reader = WEBP.createReaderInstance();
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private CaptureDecoding() {
    }
}
