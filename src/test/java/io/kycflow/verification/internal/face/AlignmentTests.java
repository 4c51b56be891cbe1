package io.kycflow.verification.internal.face;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AlignmentTests {

    @Test
    void recoversAKnownSimilarityTransform() {
        double angle = Math.toRadians(17);
        double scale = 2.3;
        double[] known = {scale * Math.cos(angle), -scale * Math.sin(angle), 140, scale * Math.sin(angle),
                scale * Math.cos(angle), -35};
        double[] src = new double[10];
        for (int i = 0; i < 5; i++) {
            double[] p = Alignment.apply(known, Alignment.ARCFACE_112[2 * i], Alignment.ARCFACE_112[2 * i + 1]);
            src[2 * i] = p[0];
            src[2 * i + 1] = p[1];
        }
        // src is the template moved by `known`; aligning it back must give the inverse of `known`
        double[] toTemplate = Alignment.similarity(src, Alignment.ARCFACE_112);
        double[] inverse = Alignment.invert(known);
        for (int i = 0; i < 6; i++) {
            assertThat(toTemplate[i]).isCloseTo(inverse[i], within(1e-9));
        }
        double[] back = Alignment.apply(Alignment.invert(toTemplate), 56, 71);
        double[] expected = Alignment.apply(known, 56, 71);
        assertThat(back[0]).isCloseTo(expected[0], within(1e-9));
        assertThat(back[1]).isCloseTo(expected[1], within(1e-9));
    }

    @Test
    void leastSquaresWithNoisyPointsStaysARotationAndScale() {
        double[] src = {100, 100, 160, 102, 131, 140, 108, 172, 155, 170};
        double[] m = Alignment.similarity(src, Alignment.ARCFACE_112);
        assertThat(m[0]).isCloseTo(m[4], within(1e-12)); // a = d
        assertThat(m[1]).isCloseTo(-m[3], within(1e-12)); // b = -c: no shear, no reflection
        double[] leftEye = Alignment.apply(m, 100, 100);
        assertThat(leftEye[0]).isCloseTo(38.3, within(3.0));
        assertThat(leftEye[1]).isCloseTo(51.7, within(3.0));
    }
}
