package io.kycflow.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The fenced code blocks of a document under docs/, in order, by language. */
final class DocSnippets {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");

    private DocSnippets() {
    }

    static List<String> of(String document, String language) {
        String text;
        try {
            text = Files.readString(Path.of("docs").resolve(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var blocks = new ArrayList<String>();
        var fences = FENCE.matcher(text);
        while (fences.find()) {
            if (fences.group(1).equals(language)) {
                blocks.add(fences.group(2));
            }
        }
        return blocks;
    }
}
