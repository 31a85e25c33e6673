package dev.quire.cli;

import dev.quire.QuireException;
import dev.quire.output.DocumentJson;
import dev.quire.output.OutputNames;
import dev.quire.pipeline.DocumentResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where {@code quire ocr} puts results: stdout (text documents separated by form feeds, or one
 * JSON object per line) or one file per document in an output directory. Failed documents get
 * one error line on stderr and no file.
 */
final class DocumentOutput {
    private final Path dir;
    private final boolean json;
    private final OutputNames names = new OutputNames();
    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private boolean first = true;

    DocumentOutput(Path dir, boolean json, PrintWriter stdout, PrintWriter stderr) {
        this.dir = dir;
        this.json = json;
        this.stdout = stdout;
        this.stderr = stderr;
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new QuireException("cannot create output directory '" + dir + "': " + e.getMessage(), e);
            }
        }
    }

    void write(DocumentResult d) {
        if (d.error() != null) {
            stderr.println("quire: " + d.error());
            stderr.flush();
        }
        if (d.status().isFailure() && d.pages().isEmpty()) {
            return;
        }
        if (dir == null) {
            print(d);
        } else {
            save(d);
        }
    }

    private void print(DocumentResult d) {
        if (json) {
            stdout.println(DocumentJson.toJson(d));
        } else {
            if (!first) {
                stdout.print('\f');
            }
            stdout.print(d.text());
        }
        first = false;
        stdout.flush();
    }

    private void save(DocumentResult d) {
        String name = names.nameFor(Path.of(d.path()).getFileName().toString(), d.docId()) + (json ? ".json" : ".txt");
        Path target = dir.resolve(name);
        Path tmp = dir.resolve("." + name + ".tmp");
        try {
            Files.writeString(tmp, json ? DocumentJson.toJson(d) + "\n" : d.text(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new QuireException("cannot write '" + target + "': " + e.getMessage(), e);
        }
    }

    void finish() {
        stdout.flush();
    }
}
