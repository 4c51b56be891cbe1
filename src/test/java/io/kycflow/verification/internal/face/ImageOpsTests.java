package io.kycflow.verification.internal.face;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImageOpsTests {

    @Test
    void pictureReadsEveryImageTypeTheSame() {
        var rgb = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(2, 1, 0x123456);
        var bgr = new BufferedImage(5, 3, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(2, 1, 0x123456);
        var grey = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
        grey.setRGB(2, 1, 0x808080);
        assertThat(FacePicture.of(rgb).rgb(2, 1)).isEqualTo(0x123456);
        assertThat(FacePicture.of(bgr).rgb(2, 1)).isEqualTo(0x123456);
        assertThat(FacePicture.of(grey).rgb(2, 1) & 0xFF).isBetween(0x7E, 0x82);
    }

    @Test
    void regionShrinksByAveragingAndFillsOutside() {
        var image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000); // checkerboard: averages to grey
            }
        }
        var picture = FacePicture.of(image);
        int[] small = ImageOps.region(picture, 0, 0, 40, 40, 10, 10, 0);
        for (int c : small) {
            assertThat(c >>> 16 & 0xFF).isBetween(120, 135);
        }
        int[] outside = ImageOps.region(picture, 100, 100, 20, 20, 4, 4, 0x7F7F7F);
        assertThat(outside).containsOnly(0x7F7F7F);
    }

    @Test
    void laplacianVarianceDropsWithBlur() {
        var sharp = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = sharp.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.BLACK);
        for (int x = 0; x < 64; x += 8) {
            g.fillRect(x, 0, 4, 64);
        }
        g.dispose();
        float[] sharpGrey = ImageOps.grey(ImageOps.region(FacePicture.of(sharp), 0, 0, 64, 64, 64, 64, 0));
        // blurred: down to 16 × 16 and back up to 64 × 64 (bilinear)
        int[] small = ImageOps.region(FacePicture.of(sharp), 0, 0, 64, 64, 16, 16, 0);
        var smallImage = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        smallImage.setRGB(0, 0, 16, 16, small, 0, 16);
        float[] blurred = ImageOps.grey(ImageOps.region(FacePicture.of(smallImage), 0, 0, 16, 16, 64, 64, 0));
        var flat = new float[64 * 64];
        assertThat(ImageOps.laplacianVariance(flat, 64, 64)).isCloseTo(0, within(1e-9));
        assertThat(ImageOps.laplacianVariance(sharpGrey, 64, 64))
                .isGreaterThan(4 * ImageOps.laplacianVariance(blurred, 64, 64));
    }
}
