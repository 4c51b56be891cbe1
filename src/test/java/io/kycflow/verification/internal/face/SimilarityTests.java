package io.kycflow.verification.internal.face;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SimilarityTests {

    @Test
    void theDefaultThresholdIsTheCalibratedCosine() {
        assertThat(Similarity.fromCosine(Similarity.COSINE_AT_DEFAULT_THRESHOLD)).isCloseTo(0.85, within(1e-12));
        assertThat(Similarity.toCosine(0.85)).isCloseTo(Similarity.COSINE_AT_DEFAULT_THRESHOLD, within(1e-12));
        assertThat(Similarity.fromCosine(1)).isEqualTo(1.0);
        assertThat(Similarity.fromCosine(0)).isEqualTo(0.0);
        assertThat(Similarity.fromCosine(-0.4)).isEqualTo(0.0);
    }

    @Test
    void increasingAndInvertible() {
        double previous = -1;
        for (double c = -1; c <= 1.0001; c += 0.01) {
            double s = Similarity.fromCosine(c);
            assertThat(s).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            if (c > 0.005) {
                assertThat(s).isGreaterThan(previous);
                assertThat(Similarity.toCosine(s)).isCloseTo(Math.min(1, c), within(1e-9));
            }
            previous = s;
        }
        assertThatThrownBy(() -> Similarity.toCosine(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Similarity.toCosine(1.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void descriptorsAreUnitLength() {
        var raw = new float[FaceDescriptor.SIZE];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) Math.sin(i) * 7;
        }
        var d = FaceDescriptor.normalised(raw);
        assertThat(d.cosine(d)).isCloseTo(1.0, within(1e-6));
        var negated = raw.clone();
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -negated[i];
        }
        assertThat(d.cosine(FaceDescriptor.normalised(negated))).isCloseTo(-1.0, within(1e-6));
        assertThat(Similarity.of(d, d)).isCloseTo(1.0, within(1e-6));
        assertThatThrownBy(() -> FaceDescriptor.normalised(new float[FaceDescriptor.SIZE]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
