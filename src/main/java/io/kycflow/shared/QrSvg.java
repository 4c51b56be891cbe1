package io.kycflow.shared;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn on the server as a small SVG (one path, one unit per module, a quiet zone of four): no script, no
 * third-party request, crisp at any size. Drawn for the hosted page's hand-off link and the Cabinet's authenticator
 * enrolment.
 */
public final class QrSvg {

    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /**
     * The SVG markup of a QR code for {@code text}. It is hidden from assistive technology: the element it is put in
     * carries the accessible name, in the page's language.
     */
    public static String of(String text) {
        com.google.zxing.common.BitMatrix matrix;
        try {
            // size 0: the writer returns one pixel per module, without its own margin
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        var path = new StringBuilder(matrix.getWidth() * matrix.getHeight() * 3);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    int run = 1;
                    while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append('h').append(run)
                            .append("v1h-").append(run).append('z');
                    x += run - 1;
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" aria-hidden=\"true\""
                + " focusable=\"false\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\""
                + size + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
