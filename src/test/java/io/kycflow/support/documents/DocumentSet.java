package io.kycflow.support.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.kycflow.verification.internal.document.MrzFormat;
import io.kycflow.verification.internal.document.MrzGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A seeded set of synthetic document photos: TD1 ID cards and TD3 passports alternating, random holders and issuing
 * countries ({@link MrzGenerator#random}), a sample face as the portrait, each side photographed with its own random
 * {@link DocumentPhoto.Perturbation}.
 */
public final class DocumentSet {

    /** One document: its MRZ text as printed, the photos (JPEG) and what was done to them. */
    public record Sample(MrzGenerator.Document document, List<String> mrz, byte[] front, byte @Nullable [] back,
                         DocumentPhoto.Perturbation perturbation) {

        /** The side that carries the MRZ. */
        public byte[] mrzSide() {
            return back == null ? front : back;
        }
    }

    private DocumentSet() {
    }

    public static List<Sample> generate(long seed, int count, LocalDate today) {
        var random = new Random(seed);
        var samples = new ArrayList<Sample>();
        for (int i = 0; i < count; i++) {
            var format = i % 2 == 0 ? MrzFormat.TD3 : MrzFormat.TD1;
            samples.add(sample(MrzGenerator.random(format, random, today), i, random));
        }
        return samples;
    }

    /**
     * The photo (JPEG, unperturbed) of a TD3 passport whose portrait is {@code face}, a face crop, cut to the page's
     * 3:4 portrait frame: a document of the same person as a selfie made from that crop.
     */
    public static byte[] passportOf(java.awt.image.BufferedImage face, MrzGenerator.Document document, Random random) {
        int w = Math.min(face.getWidth(), face.getHeight() * 3 / 4);
        int h = Math.min(face.getHeight(), w * 4 / 3);
        var portrait = face.getSubimage((face.getWidth() - w) / 2, (face.getHeight() - h) / 2, w, h);
        var sides = SyntheticDocument.render(document, portrait, random);
        return DocumentPhoto.take(sides.front(), DocumentPhoto.Perturbation.NONE, random);
    }

    public static Sample sample(MrzGenerator.Document document, int portrait, Random random) {
        var sides = SyntheticDocument.render(document, SyntheticDocument.samplePortrait(portrait), random);
        var perturbation = DocumentPhoto.Perturbation.random(random);
        var front = DocumentPhoto.take(sides.front(), perturbation, random);
        var back = sides.back() == null ? null : DocumentPhoto.take(sides.back(), perturbation, random);
        return new Sample(document, sides.mrz(), front, back, perturbation);
    }
}
