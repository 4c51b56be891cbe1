package io.kycflow.verification.internal.face;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import io.kycflow.verification.internal.face.FaceModels.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without models (or with broken ones) the pipeline is "unavailable", says why, and never throws at load. */
class FaceModelsTests {

    @Test
    void absentModelsMakeAnUnavailableStateThatSaysWhy(@TempDir Path empty) {
        try (var models = FaceModels.load(empty.resolve("face"))) {
            assertThat(models.available()).isFalse();
            assertThat(models.status()).contains("face models missing").contains("fr_detect.onnx")
                    .contains("fr_feature.onnx").contains("scripts/fetch-models");
            var analyzer = new FaceAnalyzer(models);
            assertThat(analyzer.available()).isFalse();
            assertThatThrownBy(() -> analyzer.analyze(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)))
                    .isInstanceOf(FaceModelsUnavailableException.class).hasMessageContaining("fr_detect.onnx");
        }
    }

    @Test
    void oneMissingModelMakesTheWholeSetUnavailable(@TempDir Path dir) throws Exception {
        for (Model model : Model.values()) {
            if (model != Model.EYE) {
                Files.write(dir.resolve(model.file()), new byte[] {1, 2, 3});
            }
        }
        try (var models = FaceModels.load(dir)) {
            assertThat(models.available()).isFalse();
            assertThat(models.status()).contains("fr_eye.onnx").doesNotContain("fr_pose.onnx");
        }
    }

    @Test
    void corruptModelFilesAreUnavailableNotAnException(@TempDir Path dir) throws Exception {
        for (Model model : Model.values()) {
            Files.writeString(dir.resolve(model.file()), "not an ONNX model");
        }
        try (var models = FaceModels.load(dir)) {
            assertThat(models.available()).isFalse();
            assertThat(models.status()).contains("failed to load");
        }
    }
}
