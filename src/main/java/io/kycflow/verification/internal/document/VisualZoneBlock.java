package io.kycflow.verification.internal.document;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** DR's {@code visual_zone} result block (declared in {@code DocumentRecognitionTechnology}). */
final class VisualZoneBlock {

    private static final List<String> NAMES = List.of("surname", "given_names", "document_number", "birth_date",
            "expiry_date");

    private VisualZoneBlock() {
    }

    static void put(ObjectNode block, @Nullable VisualZone zone) {
        if (zone == null) {
            block.putNull("visual_zone");
            return;
        }
        var node = block.putObject("visual_zone");
        node.put("read", zone.read());
        var fields = node.putObject("fields");
        var values = zone.fields();
        for (int i = 0; i < NAMES.size(); i++) {
            var field = fields.putObject(NAMES.get(i));
            var value = values.get(i);
            if (value.value() == null) {
                field.putNull("value").putNull("matches_mrz");
            } else {
                field.put("value", value.value()).put("matches_mrz", value.matchesMrz());
            }
        }
        node.put("consistent", zone.consistent());
    }

    /** The fields read that disagree with the MRZ, by their result names. */
    static List<String> mismatched(VisualZone zone) {
        var names = new ArrayList<String>();
        var values = zone.fields();
        for (int i = 0; i < NAMES.size(); i++) {
            if (Boolean.FALSE.equals(values.get(i).matchesMrz())) {
                names.add(NAMES.get(i));
            }
        }
        return names;
    }
}
