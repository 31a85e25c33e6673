package dev.quire.service.runner;

import dev.quire.service.config.ServiceConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Configurations and paths for runner tests. */
final class TestSetup {
    private TestSetup() {
    }

    /** The repository root: the nearest directory up from the working directory (service/) with samples/. */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("samples")) && Files.isDirectory(p.resolve("job")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run the tests inside the Quire repository");
        }
        return p;
    }

    /** A service configuration (no auth, on loopback) with {@code overrides} on top. */
    static ServiceConfig config(Path dataDir, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>();
        all.put("home", repoRoot().toString());
        all.put("auth.disabled", "true");
        all.put("data.dir", dataDir.toString());
        all.putAll(overrides);
        return ServiceConfig.load(null, Map.of(), all);
    }
}
