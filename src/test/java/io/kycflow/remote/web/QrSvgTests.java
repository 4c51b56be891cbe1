package io.kycflow.remote.web;

import java.util.ArrayList;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.kycflow.shared.QrSvg;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-off QR code drawn as SVG reads back as the link it was made from (rasterised here, decoded by ZXing). */
public class QrSvgTests {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

    @Test
    void theSvgDecodesToTheLink() throws Exception {
        var link = "https://kyc.example.com/flow/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b#handoff=" + "AbC-_9".repeat(7) + "x";
        var svg = QrSvg.of(link);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>").doesNotContain("script");
        assertThat(svg.length()).as("small enough to inline").isLessThan(12_000);
        assertThat(decode(svg)).isEqualTo(link);
    }

    /** Draws the SVG's one path (runs of dark modules) at 6 px a module and decodes it. */
    public static String decode(String svg) throws Exception {
        var box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 6;
        int size = modules * scale;
        var pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        var runs = RUN.matcher(svg);
        var seen = new ArrayList<int[]>();
        while (runs.find()) {
            int x = Integer.parseInt(runs.group(1));
            int y = Integer.parseInt(runs.group(2));
            int length = Integer.parseInt(runs.group(3));
            seen.add(new int[] {x, y, length});
            for (int py = y * scale; py < (y + 1) * scale; py++) {
                for (int px = x * scale; px < (x + length) * scale; px++) {
                    pixels[py * size + px] = 0;
                }
            }
        }
        assertThat(seen).isNotEmpty();
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
