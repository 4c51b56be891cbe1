package io.kycflow.verification.internal.document;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Debian's Tesseract (libtesseract 5.3) through Tess4J's low-level API: Tess4J's {@code Tesseract.doOCR} loads the
 * language models on every call (~150–250 ms), so initialised handles are kept instead, one per language set and
 * caller at a time (a handle is not thread-safe); {@link DocumentRecognition}'s permits bound the callers, so at most
 * that many handles per language set exist. Tesseract's own OpenMP threads are limited to one
 * ({@code OMP_THREAD_LIMIT=1}, set in the process before the library loads) so that two documents read at once use
 * the two cores and no more.
 */
final class Tesseracts implements AutoCloseable {

    /** Debian's tessdata (tesseract-ocr-eng, -rus, -kaz). */
    static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    /** Page segmentation "a single uniform block of text": the crop is the visual zone's text, nothing else. */
    private static final int PSM_SINGLE_BLOCK = 6;

    /** One line of text as Tesseract read it, with its mean word confidence (0–100). */
    record Line(String text, float confidence) {
    }

    private final TessAPI api;
    private final Path tessdata;
    private final List<String> languages;
    private final Map<String, ConcurrentLinkedQueue<TessBaseAPI>> idle = new ConcurrentHashMap<>();

    private Tesseracts(TessAPI api, Path tessdata, List<String> languages) {
        this.api = api;
        this.tessdata = tessdata;
        this.languages = languages;
    }

    /**
     * @throws IllegalStateException saying what is missing (the library, or {@code eng.traineddata})
     */
    static Tesseracts load(Path tessdata) {
        if (!Files.isRegularFile(tessdata.resolve("eng.traineddata"))) {
            throw new IllegalStateException("no " + tessdata.resolve("eng.traineddata"));
        }
        try {
            limitOpenMpThreads();
            var api = TessAPI.INSTANCE;
            var languages = new ArrayList<String>();
            for (var language : List.of("eng", "rus", "kaz")) {
                if (Files.isRegularFile(tessdata.resolve(language + ".traineddata"))) {
                    languages.add(language);
                }
            }
            var tesseracts = new Tesseracts(api, tessdata, List.copyOf(languages));
            tesseracts.release("eng", tesseracts.handle("eng")); // fails here, at startup, if the library is unusable
            return tesseracts;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException("libtesseract could not be loaded (" + e.getMessage() + ")", e);
        }
    }

    /** The installed languages among eng, rus and kaz. */
    List<String> languages() {
        return languages;
    }

    /**
     * The text of an 8-bit grey image, line by line (empty lines dropped).
     *
     * @param language a Tesseract language set, e.g. {@code eng} or {@code eng+rus}, of installed languages
     */
    List<Line> read(BufferedImage grey, String language) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("an 8-bit grey image is expected");
        }
        var handle = handle(language);
        try {
            byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
            var buffer = ByteBuffer.allocateDirect(pixels.length).put(pixels).flip();
            api.TessBaseAPISetImage(handle, buffer, grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
            var tsv = api.TessBaseAPIGetTsvText(handle, 0);
            try {
                return lines(tsv == null ? "" : tsv.getString(0, StandardCharsets.UTF_8.name()));
            } finally {
                if (tsv != null) {
                    api.TessDeleteText(tsv);
                }
                api.TessBaseAPIClear(handle);
            }
        } finally {
            release(language, handle);
        }
    }

    /** Tesseract's TSV: level 5 rows are words with block, paragraph, line numbers and a confidence. */
    static List<Line> lines(String tsv) {
        var lines = new ArrayList<Line>();
        var text = new StringBuilder();
        float confidence = 0;
        int words = 0;
        String key = null;
        for (var row : tsv.split("\n")) {
            var cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals("5") || cells[11].isBlank()) {
                continue;
            }
            var lineKey = cells[2] + "/" + cells[3] + "/" + cells[4];
            if (!lineKey.equals(key) && words > 0) {
                lines.add(new Line(text.toString(), confidence / words));
                text.setLength(0);
                confidence = 0;
                words = 0;
            }
            key = lineKey;
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(cells[11].strip());
            confidence += Float.parseFloat(cells[10]);
            words++;
        }
        if (words > 0) {
            lines.add(new Line(text.toString(), confidence / words));
        }
        return lines;
    }

    private TessBaseAPI handle(String language) {
        var handle = idle.computeIfAbsent(language, l -> new ConcurrentLinkedQueue<>()).poll();
        if (handle != null) {
            return handle;
        }
        handle = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit3(handle, tessdata.toString(), language) != 0) {
            api.TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract could not load " + language + " from " + tessdata);
        }
        api.TessBaseAPISetPageSegMode(handle, PSM_SINGLE_BLOCK);
        // the visual zone is printed at 300 dpi or so once scaled; saying so avoids Tesseract's guess and its warning
        api.TessBaseAPISetVariable(handle, "user_defined_dpi", "300");
        return handle;
    }

    private void release(String language, TessBaseAPI handle) {
        idle.get(language).add(handle);
    }

    @Override
    public void close() {
        idle.values().forEach(queue -> {
            for (TessBaseAPI handle; (handle = queue.poll()) != null; ) {
                api.TessBaseAPIEnd(handle);
                api.TessBaseAPIDelete(handle);
            }
        });
    }

    /** libgomp reads OMP_THREAD_LIMIT once, when it loads with libtesseract: set it in this process before that. */
    private static void limitOpenMpThreads() {
        if (System.getenv("OMP_THREAD_LIMIT") == null) {
            CLib.INSTANCE.setenv("OMP_THREAD_LIMIT", "1", 0);
        }
    }

    private interface CLib extends Library {
        CLib INSTANCE = Native.load("c", CLib.class);

        int setenv(String name, String value, int overwrite);
    }
}
