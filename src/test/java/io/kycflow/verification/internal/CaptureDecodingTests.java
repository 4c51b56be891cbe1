package io.kycflow.verification.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import io.kycflow.support.WebpEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engines read WebP captures (made by Chromium's encoder) as they read JPEG and PNG; broken bodies read as null. */
class CaptureDecodingTests {

    @Test
    void aWebpFromChromiumDecodesToThePictureItWasMadeFrom() throws IOException {
        var picture = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(new Color(0x2060C0));
        g.fillRect(0, 0, 160, 240);
        g.setColor(new Color(0xE0A040));
        g.fillRect(160, 0, 160, 240);
        g.dispose();
        var png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);

        byte[] webp = WebpEncoder.encode(List.of(png.toByteArray()), "image/png", 0.9).getFirst();
        assertThat(CaptureDecoding.isWebp(webp)).isTrue();

        var decoded = CaptureDecoding.decode(webp);
        assertThat(decoded).isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertThat(close(decoded.getRGB(40, 120), 0x2060C0)).as("left half").isTrue();
        assertThat(close(decoded.getRGB(280, 120), 0xE0A040)).as("right half").isTrue();
    }

    @Test
    void aBrokenWebpBodyIsNullNotAnException() {
        byte[] header = "RIFF\0\0\0\0WEBPVP8 \0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] broken = Arrays.copyOf(header, 64);
        assertThat(CaptureDecoding.decode(broken)).isNull();
        assertThat(CaptureDecoding.decode(new byte[] {1, 2, 3})).isNull();
    }

    private static boolean close(int rgb, int expected) {
        for (int shift : new int[] {16, 8, 0}) {
            if (Math.abs((rgb >>> shift & 0xFF) - (expected >>> shift & 0xFF)) > 12) {
                return false;
            }
        }
        return true;
    }
}
