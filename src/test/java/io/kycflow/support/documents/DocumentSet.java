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

    public static Sample sample(MrzGenerator.Document document, int portrait, Random random) {
        var sides = SyntheticDocument.render(document, SyntheticDocument.samplePortrait(portrait), random);
        var perturbation = DocumentPhoto.Perturbation.random(random);
        var front = DocumentPhoto.take(sides.front(), perturbation, random);
        var back = sides.back() == null ? null : DocumentPhoto.take(sides.back(), perturbation, random);
        return new Sample(document, sides.mrz(), front, back, perturbation);
    }
}
