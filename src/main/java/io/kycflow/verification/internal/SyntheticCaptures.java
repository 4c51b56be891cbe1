package io.kycflow.verification.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.Capture;
import javax.imageio.ImageIO;

/**
 * Captures made by our code for the sandbox, so that a tester without a camera still drives the real capture →
 * engine → step path: striped PNG images that nobody would take for a photo, never a real person or document.
 */
public final class SyntheticCaptures {

    private SyntheticCaptures() {
    }

    /** What a person would send for the step: a burst of frames (LD), document sides (DR), a file (DS*). */
    public static List<Capture> forStep(TechnologyCode technology) {
        var captures = new ArrayList<Capture>();
        switch (technology) {
            case LD -> {
                for (int frame = 1; frame <= 3; frame++) {
                    captures.add(new Capture("frame", "image/png", image(240, 320, "SANDBOX SELFIE " + frame)));
                }
            }
            case DR -> {
                captures.add(new Capture("document_front", "image/png", image(428, 270, "SANDBOX DOCUMENT FRONT")));
                captures.add(new Capture("document_back", "image/png", image(428, 270, "SANDBOX DOCUMENT BACK")));
            }
            case DSI, DSN, DSS -> captures.add(new Capture("signed_file", "application/pkcs7-signature",
                    "SANDBOX: not a real signature".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            case F2F, ED -> { } // F2F compares what earlier steps kept; ED asks its provider, not the camera
        }
        return captures;
    }

    /** A synthetic portrait (shapes, clearly not a photo) for the sandbox providers. */
    public static byte[] face() {
        return image(112, 112, "SANDBOX FACE");
    }

    private static byte[] image(int width, int height, String label) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            // Shapes only, no text: fonts need a font configuration that servers often lack.
            g.setColor(new Color(0xE8EEF4));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x7A8A99));
            g.fillOval(width / 4, height / 6, width / 2, height / 2);
            g.setColor(new Color(0xD9480F)); // sandbox stripes: nobody mistakes this for a photo
            for (int x = -height + Math.floorMod(label.hashCode(), 16); x < width; x += 24) {
                g.drawLine(x, height, x + height, 0);
            }
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
