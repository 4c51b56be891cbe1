package io.kycflow.remote;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import io.kycflow.shared.KycException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Captures are judged by their bytes: type by magic bytes, dimensions from the header, bombs refused undecoded. */
class CaptureImagesTests {

    @Test
    void realJpegAndPngImagesPassWithTheirTypeAndSize() throws Exception {
        assertThat(CaptureImages.check("selfie", encode("jpg", 640, 480))).isEqualTo(new CaptureImages.Checked("image/jpeg", 640, 480));
        assertThat(CaptureImages.check("selfie", encode("png", 320, 240))).isEqualTo(new CaptureImages.Checked("image/png", 320, 240));
    }

    @Test
    void webpDimensionsAreReadFromEachOfItsThreeEncodings() {
        assertThat(CaptureImages.check("f", webp("VP8X", 1279, 719))).isEqualTo(new CaptureImages.Checked("image/webp", 1280, 720));
        assertThat(CaptureImages.check("f", webp("VP8L", 639, 479))).isEqualTo(new CaptureImages.Checked("image/webp", 640, 480));
        assertThat(CaptureImages.check("f", webp("VP8 ", 800, 600))).isEqualTo(new CaptureImages.Checked("image/webp", 800, 600));
    }

    @Test
    void anythingElseIsRefusedWhateverItClaimsToBe() {
        for (var bytes : new byte[][] {"GIF89a....".getBytes(StandardCharsets.US_ASCII), "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII), new byte[0],
                {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}}) {
            assertThatThrownBy(() -> CaptureImages.check("document_front", bytes)).isInstanceOf(KycException.class)
                    .hasMessageContaining("JPEG, PNG or WebP")
                    .extracting(e -> ((KycException) e).kind()).isEqualTo(KycException.Kind.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Test
    void decompressionBombsAreRefusedFromTheirHeaderAlone() {
        // a few dozen bytes that claim 50,000 × 50,000 pixels (10 GB once decoded)
        assertThatThrownBy(() -> CaptureImages.check("frame", pngHeader(50_000, 50_000))).hasMessageContaining("at most 8192")
                .extracting(e -> ((KycException) e).code()).isEqualTo(CaptureImages.BAD_DIMENSIONS);
        assertThatThrownBy(() -> CaptureImages.check("frame", jpegHeader(60_000, 60_000))).hasMessageContaining("at most 8192");
        assertThatThrownBy(() -> CaptureImages.check("frame", pngHeader(-1, 100))).hasMessageContaining("at most 8192");
        assertThatThrownBy(() -> CaptureImages.check("frame", pngHeader(8000, 8000))).hasMessageContaining("40 megapixels");
        assertThatThrownBy(() -> CaptureImages.check("frame", webp("VP8X", 16_000_000, 3))).hasMessageContaining("at most 8192");
        assertThatThrownBy(() -> CaptureImages.check("frame", pngHeader(10, 10))).hasMessageContaining("at least 64");
    }

    @Test
    void capturesOverTenMegabytesAreRefused() {
        var big = new byte[CaptureImages.MAX_BYTES + 1];
        System.arraycopy(pngHeader(1000, 1000), 0, big, 0, 24);
        assertThatThrownBy(() -> CaptureImages.check("document_back", big)).hasMessageContaining("10 MB")
                .extracting(e -> ((KycException) e).kind()).isEqualTo(KycException.Kind.TOO_LARGE);
    }

    private static byte[] encode(String format, int width, int height) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    private static byte[] pngHeader(int width, int height) {
        var b = ByteBuffer.allocate(33).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        var crc = new CRC32();
        crc.update(b.array(), 12, 17);
        return b.putInt((int) crc.getValue()).array();
    }

    private static byte[] jpegHeader(int width, int height) {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0, (byte) 0xFF, (byte) 0xC0, 0, 11, 8,
                (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3, 0, 0, 0};
    }

    /** A WebP file's first 30 bytes, as each encoding writes its dimensions. */
    private static byte[] webp(String chunk, int a, int b) {
        var out = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(10);
        switch (chunk) {
            case "VP8X" -> out.put(20, new byte[] {0, 0, 0, 0, (byte) a, (byte) (a >> 8), (byte) (a >> 16), (byte) b, (byte) (b >> 8), (byte) (b >> 16)});
            case "VP8L" -> out.put(20, (byte) 0x2F).putInt(21, (a & 0x3FFF) | (b & 0x3FFF) << 14);
            default -> out.put(23, new byte[] {(byte) 0x9D, 0x01, 0x2A}).putShort(26, (short) a).putShort(28, (short) b);
        }
        return out.array();
    }
}
