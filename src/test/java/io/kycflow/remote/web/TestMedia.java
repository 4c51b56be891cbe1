package io.kycflow.remote.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

/** What the browser tests feed the page: a fake camera's video (.y4m) and document photos (JPEG), all generated. */
final class TestMedia {

    private TestMedia() {
    }

    /**
     * A short 640×480 YUV4MPEG2 video (4:2:0): a textured mid-grey scene with a light oval "face" that moves a
     * little from frame to frame, bright enough and sharp enough for the page's in-browser checks.
     */
    static Path fakeCameraVideo(Path file) {
        int width = 640;
        int height = 480;
        int frames = 20;
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
                var random = new Random(7);
                byte[] y = new byte[width * height];
                byte[] chroma = new byte[width * height / 4];
                for (int f = 0; f < frames; f++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    int cx = width / 2 + (f % 6) * 3;
                    int cy = height / 2;
                    for (int row = 0; row < height; row++) {
                        for (int column = 0; column < width; column++) {
                            double dx = (column - cx) / 140.0;
                            double dy = (row - cy) / 180.0;
                            boolean face = dx * dx + dy * dy < 1;
                            int texture = ((column / 8 + row / 8) % 2 == 0 ? 18 : -18) + random.nextInt(16) - 8;
                            int value = (face ? 175 : 110) + texture;
                            y[row * width + column] = (byte) Math.max(16, Math.min(235, value));
                        }
                    }
                    out.write(y);
                    java.util.Arrays.fill(chroma, (byte) 128);
                    out.write(chroma);
                    out.write(chroma);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A photo of an "ID card": light, sharp (text, lines), no large white area; {@code dark} makes it underexposed. */
    static Path documentPhoto(Path file, boolean dark, long seed) {
        int width = 1280;
        int height = 807;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        var random = new Random(seed);
        try {
            g.setColor(dark ? new Color(20, 22, 26) : new Color(120, 130, 125));
            g.fillRect(0, 0, width, height);
            g.setColor(dark ? new Color(30, 34, 40) : new Color(196, 206, 222));
            g.fillRoundRect(60, 50, width - 120, height - 100, 40, 40);
            g.setStroke(new BasicStroke(3));
            for (int i = 0; i < 40; i++) {
                g.setColor(dark ? new Color(40 + random.nextInt(20), 40, 45) : new Color(random.nextInt(120), random.nextInt(120), 90 + random.nextInt(100)));
                g.drawLine(100 + random.nextInt(width - 200), 90 + random.nextInt(height - 180),
                        100 + random.nextInt(width - 200), 90 + random.nextInt(height - 180));
            }
            g.setColor(dark ? new Color(45, 45, 50) : new Color(30, 30, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
            g.drawString("IDENTITY CARD  SANDBOX", 120, 150);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 40));
            g.drawString("I<KAZSANDBOX000001<<<<<<<<<<<", 110, height - 170);
            g.drawString("9001011M3501017KAZ<<<<<<<<<<<6", 110, height - 120);
            g.setColor(dark ? new Color(38, 38, 42) : new Color(150, 120, 100));
            g.fillOval(width - 420, 220, 260, 320);
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
