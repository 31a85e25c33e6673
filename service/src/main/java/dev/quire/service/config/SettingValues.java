package dev.quire.service.config;

import dev.quire.InvalidSettingsException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The raw values of the settings, each with where it came from (the file, an environment
 * variable, the command line), and their typed readings. A bad value fails with a message that
 * names the key, its origin and the value (secrets excepted), and says what was expected.
 */
final class SettingValues {
    private record Raw(String value, String origin) {
    }

    private final Map<Setting, Raw> values = new EnumMap<>(Setting.class);

    /** Later layers win: file, then environment, then overrides (command line options, tests). */
    static SettingValues of(Path file, Map<String, String> environment, Map<String, String> overrides) {
        SettingValues v = new SettingValues();
        if (file != null) {
            v.readFile(file);
        }
        for (Setting s : Setting.values()) {
            String env = environment.get(s.environmentName());
            if (env != null) {
                v.put(s, env, "environment variable " + s.environmentName());
            }
        }
        overrides.forEach((key, value) -> {
            Setting s = Setting.byKey(key)
                    .orElseThrow(() -> new InvalidSettingsException("unknown setting '" + key + "'"));
            v.put(s, value, "the command line");
        });
        return v;
    }

    private void readFile(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new InvalidSettingsException("configuration file '" + file + "' does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingsException("cannot read configuration file '" + file + "': " + e.getMessage());
        }
        for (String key : p.stringPropertyNames()) {
            // a typo would otherwise silently leave the default in force
            Setting s = Setting.byKey(key).orElseThrow(() -> new InvalidSettingsException(
                    "unknown setting '" + key + "' in " + file + " (see conf/service.properties for the keys)"));
            put(s, p.getProperty(key), file.toString());
        }
    }

    private void put(Setting s, String value, String origin) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            values.remove(s);   // an empty value means "the default"
        } else {
            values.put(s, new Raw(v, origin));
        }
    }

    boolean has(Setting s) {
        return values.containsKey(s);
    }

    String string(Setting s, String fallback) {
        Raw r = values.get(s);
        return r == null ? fallback : r.value();
    }

    int integer(Setting s, int fallback, int min, int max) {
        Raw r = values.get(s);
        if (r == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(r.value());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(s, "an integer " + min + ".." + max);
    }

    boolean bool(Setting s, boolean fallback) {
        Raw r = values.get(s);
        if (r == null) {
            return fallback;
        }
        return switch (r.value().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(s, "true or false");
        };
    }

    /** A size in bytes, with an optional binary suffix: {@code 1048576}, {@code 512k}, {@code 100m}, {@code 2g}. */
    long bytes(Setting s, long fallback, long min) {
        Raw r = values.get(s);
        if (r == null) {
            return fallback;
        }
        String v = r.value().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Math.multiplyExact(Long.parseLong(v), unit);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw invalid(s, "a size in bytes >= " + min + ", optionally with k, m or g");
    }

    /** A comma-separated list; blanks around items are dropped. */
    List<String> list(Setting s, List<String> fallback) {
        Raw r = values.get(s);
        if (r == null) {
            return fallback;
        }
        return Arrays.stream(r.value().split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** A path; relative ones are resolved against the working directory. */
    Path path(Setting s, Path fallback) {
        Raw r = values.get(s);
        if (r == null) {
            return fallback;
        }
        try {
            return Path.of(r.value()).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw invalid(s, "a file system path");
        }
    }

    <E extends Enum<E>> E choice(Setting s, Class<E> type, E fallback) {
        Raw r = values.get(s);
        if (r == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, r.value().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(s, String.join(" or ", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
        }
    }

    /** An error about the value of {@code s}: names the key, where the value came from, and the value itself unless secret. */
    InvalidSettingsException invalid(Setting s, String expected) {
        Raw r = values.get(s);
        String value = r == null ? "(not set)" : s.secret() ? "(value hidden)" : "'" + r.value() + "'";
        String origin = r == null ? "" : " (from " + r.origin() + ")";
        return new InvalidSettingsException("invalid value for " + s.key() + origin + ": " + value
                + " (expected " + expected + ")");
    }
}
