package io.kycflow.remote;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.kycflow.shared.KycException;

/**
 * What an uploaded capture must be before anything stores or decodes it: a JPEG, PNG or WebP by its magic bytes
 * (whatever the client claims), at most {@link #MAX_BYTES}, with dimensions read from the header alone and
 * bounded, so that a small file that would decode to gigabytes of pixels (a decompression bomb) is refused
 * without being decoded.
 */
public final class CaptureImages {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 8192;
    public static final long MAX_PIXELS = 40_000_000L;

    /** A checked capture: its real type and size. */
    public record Checked(String contentType, int width, int height) {
    }

    private CaptureImages() {
    }

    /** 413: larger than {@link #MAX_BYTES}. */
    public static final String TOO_LARGE = "capture_too_large";
    /** 415: not a JPEG, PNG or WebP by its content. */
    public static final String UNSUPPORTED_TYPE = "capture_type_unsupported";
    /** 400: dimensions outside the bounds (a decompression bomb among them). */
    public static final String BAD_DIMENSIONS = "capture_dimensions";

    /**
     * @param field the part the image came in, named in the refusal
     * @throws KycException 413 {@link #TOO_LARGE}, 415 {@link #UNSUPPORTED_TYPE} or 400 {@link #BAD_DIMENSIONS}
     */
    public static Checked check(String field, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new KycException(KycException.Kind.TOO_LARGE, TOO_LARGE, field, field + " is larger than 10 MB.");
        }
        var checked = header(bytes);
        if (checked == null) {
            throw new KycException(KycException.Kind.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_TYPE, field,
                    field + " must be a JPEG, PNG or WebP image (judged by its content, not its name).");
        }
        if (checked.width() > MAX_SIDE || checked.height() > MAX_SIDE || (long) checked.width() * checked.height() > MAX_PIXELS) {
            throw new KycException(KycException.Kind.INVALID, BAD_DIMENSIONS, field, field + " is " + checked.width() + "×"
                    + checked.height() + " pixels; at most " + MAX_SIDE + " on a side and 40 megapixels are accepted.");
        }
        if (checked.width() < MIN_SIDE || checked.height() < MIN_SIDE) {
            throw new KycException(KycException.Kind.INVALID, BAD_DIMENSIONS, field, field + " is " + checked.width() + "×"
                    + checked.height() + " pixels; at least " + MIN_SIDE + "×" + MIN_SIDE + " is needed.");
        }
        return checked;
    }

    /** The type and dimensions from the header, or null when it is none of the three formats or is cut short. */
    static Checked header(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) && b.length >= 24 && tag(b, 12, "IHDR")) {
            return new Checked("image/png", side(intBigEndian(b, 16)), side(intBigEndian(b, 20)));
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return jpeg(b);
        }
        if (b.length >= 30 && tag(b, 0, "RIFF") && tag(b, 8, "WEBP")) {
            return webp(b);
        }
        return null;
    }

    /** Walks the JPEG segments to the first start-of-frame marker, which holds the dimensions. */
    private static Checked jpeg(byte[] b) {
        int at = 2;
        while (at + 9 < b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                int height = ((b[at + 5] & 0xFF) << 8) | (b[at + 6] & 0xFF);
                int width = ((b[at + 7] & 0xFF) << 8) | (b[at + 8] & 0xFF);
                return new Checked("image/jpeg", width, height);
            }
            if (length < 2) {
                return null;
            }
            at += 2 + length;
        }
        return null;
    }

    /** The three WebP encodings keep their dimensions in different places. */
    private static Checked webp(byte[] b) {
        var little = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (tag(b, 12, "VP8X")) {
            int width = 1 + ((b[24] & 0xFF) | (b[25] & 0xFF) << 8 | (b[26] & 0xFF) << 16);
            int height = 1 + ((b[27] & 0xFF) | (b[28] & 0xFF) << 8 | (b[29] & 0xFF) << 16);
            return new Checked("image/webp", width, height);
        }
        if (tag(b, 12, "VP8L") && (b[20] & 0xFF) == 0x2F) {
            int bits = little.getInt(21);
            return new Checked("image/webp", 1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF));
        }
        if (tag(b, 12, "VP8 ") && (b[23] & 0xFF) == 0x9D && (b[24] & 0xFF) == 0x01 && (b[25] & 0xFF) == 0x2A) {
            return new Checked("image/webp", little.getShort(26) & 0x3FFF, little.getShort(28) & 0x3FFF);
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean tag(byte[] b, int at, String tag) {
        return b.length >= at + 4 && Arrays.equals(b, at, at + 4, tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 4);
    }

    /** PNG sides are unsigned 32-bit: beyond int they are simply too large. */
    private static int side(int value) {
        return value < 0 ? Integer.MAX_VALUE : value;
    }

    private static int intBigEndian(byte[] b, int at) {
        return ByteBuffer.wrap(b, at, 4).order(ByteOrder.BIG_ENDIAN).getInt();
    }
}
