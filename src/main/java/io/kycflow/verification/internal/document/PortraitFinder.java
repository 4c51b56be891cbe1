package io.kycflow.verification.internal.document;

import java.awt.image.BufferedImage;

import io.kycflow.verification.internal.face.FaceAnalyzer;
import org.jspecify.annotations.Nullable;

/**
 * Crops the holder's portrait from a document's photo with the face pipeline's detector (read-only use of
 * {@link FaceAnalyzer}): the largest face, in a square 1.8 × its box (hair, chin and some background, what a face
 * matcher's detector expects to find a face in), as a JPEG.
 */
final class PortraitFinder {

    private final FaceAnalyzer faces;

    PortraitFinder(FaceAnalyzer faces) {
        this.faces = faces;
    }

    byte @Nullable [] find(BufferedImage document) {
        var detected = faces.analyze(document);
        if (detected.isEmpty()) {
            return null;
        }
        var box = detected.getFirst().box();
        double side = Math.max(box.width(), box.height()) * 1.8;
        int x = (int) Math.max(0, box.centerX() - side / 2);
        int y = (int) Math.max(0, box.centerY() - side / 2);
        int w = (int) Math.min(document.getWidth() - x, side);
        int h = (int) Math.min(document.getHeight() - y, side);
        var crop = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = crop.createGraphics();
        g.drawImage(document.getSubimage(x, y, w, h), 0, 0, null);
        g.dispose();
        return Jpeg.encode(crop, 0.92f);
    }
}
