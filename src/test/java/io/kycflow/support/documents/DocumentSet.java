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

    /**
     * The same kind of set, each document tampered with: its visual zone prints another surname (half of each format)
     * or a birth date 1–6 years earlier (the other half: a holder made older), while the MRZ still encodes the
     * original.
     */
    public static List<Sample> tampered(long seed, int count, LocalDate today) {
        var random = new Random(seed);
        var samples = new ArrayList<Sample>();
        for (int i = 0; i < count; i++) {
            var format = i % 2 == 0 ? MrzFormat.TD3 : MrzFormat.TD1;
            var document = MrzGenerator.random(format, random, today);
            while (document.birthDate() == null) {
                document = MrzGenerator.random(format, random, today);
            }
            var other = MrzGenerator.random(format, random, today);
            var d = document;
            var visual = i % 4 < 2
                    ? new MrzGenerator.Document(d.format(), d.documentCode(), d.issuingCountry(), d.documentNumber(),
                            other.surname(), d.givenNames(), d.nationality(), d.birthDate(), d.sex(), d.expiryDate(),
                            d.optionalData(), d.optionalData2())
                    : new MrzGenerator.Document(d.format(), d.documentCode(), d.issuingCountry(), d.documentNumber(),
                            d.surname(), d.givenNames(), d.nationality(), d.birthDate().minusYears(1 + random.nextInt(6)),
                            d.sex(), d.expiryDate(), d.optionalData(), d.optionalData2());
            samples.add(sample(document, visual, i, random));
        }
        return samples;
    }

    public static Sample sample(MrzGenerator.Document document, int portrait, Random random) {
        return sample(document, document, portrait, random);
    }

    /** A document whose visual zone prints {@code visual} while its MRZ encodes {@code document}. */
    public static Sample sample(MrzGenerator.Document document, MrzGenerator.Document visual, int portrait,
                                 Random random) {
        var sides = SyntheticDocument.render(document, visual, SyntheticDocument.samplePortrait(portrait), random);
        var perturbation = DocumentPhoto.Perturbation.random(random);
        var front = DocumentPhoto.take(sides.front(), perturbation, random);
        var back = sides.back() == null ? null : DocumentPhoto.take(sides.back(), perturbation, random);
        return new Sample(document, sides.mrz(), front, back, perturbation);
    }
}
