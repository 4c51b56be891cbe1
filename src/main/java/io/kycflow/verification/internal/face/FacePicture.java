package io.kycflow.verification.internal.face;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * An image as the face pipeline reads it: packed {@code 0xRRGGBB} pixels, row by row, immutable. Made once per
 * photo ({@link #of(BufferedImage)}) so that detection, landmarks, descriptor and the other models read the same
 * pixels without converting the {@link BufferedImage} again.
 */
public final class FacePicture {

    private final int width;
    private final int height;
    private final int[] rgb;

    private FacePicture(int width, int height, int[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** Copies the pixels (any {@link BufferedImage} type; alpha is ignored). */
    public static FacePicture of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("empty image");
        }
        var pixels = new int[w * h];
        var raster = image.getRaster();
        // Fast paths for what ImageIO's decoders produce; everything else through getRGB (colour-converted).
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getDataBuffer() instanceof DataBufferByte bytes
                && raster.getParent() == null && bytes.getNumBanks() == 1 && bytes.getData().length == w * h * 3) {
            byte[] data = bytes.getData();
            for (int i = 0, p = 0; i < pixels.length; i++, p += 3) {
                pixels[i] = (data[p + 2] & 0xFF) << 16 | (data[p + 1] & 0xFF) << 8 | (data[p] & 0xFF);
            }
        } else if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt ints && raster.getParent() == null
                && ints.getData().length == w * h) {
            int[] data = ints.getData();
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = data[i] & 0xFFFFFF;
            }
        } else {
            image.getRGB(0, 0, w, h, pixels, 0, w);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] &= 0xFFFFFF;
            }
        }
        return new FacePicture(w, h, pixels);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixel at (x, y) as {@code 0xRRGGBB}; no bounds check beyond the array's. */
    int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    /** A copy as a {@link BufferedImage} ({@code TYPE_INT_RGB}), for tests and debugging. */
    public BufferedImage toBufferedImage() {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }
}
