package dev.quire.ocr.recognize;

import dev.quire.QuireException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The recogniser's output classes: index 0 is the CTC blank, then one class per dictionary line,
 * then the space character (PaddleOCR's {@code use_space_char}).
 */
public final class CharDictionary {
    public static final int BLANK = 0;

    private final String[] symbols;
    private final int spaceIndex;

    private CharDictionary(String[] symbols) {
        this.symbols = symbols;
        this.spaceIndex = symbols.length - 1;
    }

    /** Reads one symbol per line (UTF-8); line ends are not part of symbols. */
    public static CharDictionary read(InputStream in) throws IOException {
        List<String> list = new ArrayList<>();
        list.add("");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                list.add(line);
            }
        }
        if (list.size() < 2) {
            throw new QuireException("recognition dictionary is empty");
        }
        list.add(" ");
        return new CharDictionary(list.toArray(String[]::new));
    }

    /** Number of output classes the recognition model must produce. */
    public int classCount() {
        return symbols.length;
    }

    public int spaceIndex() {
        return spaceIndex;
    }

    public String symbol(int index) {
        return symbols[index];
    }
}
