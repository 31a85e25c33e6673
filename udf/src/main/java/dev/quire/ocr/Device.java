package dev.quire.ocr;

import dev.quire.InvalidSettingsException;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where inference runs: {@code auto} (CUDA if it loads, else CPU with a warning), {@code cpu},
 * or {@code cuda[:N]} (fails if CUDA cannot be used).
 */
public record Device(Kind kind, int ordinal) implements Serializable {
    public enum Kind { AUTO, CPU, CUDA }

    public static final Device AUTO = new Device(Kind.AUTO, 0);
    public static final Device CPU = new Device(Kind.CPU, 0);

    public Device {
        if (ordinal < 0) {
            throw InvalidSettingsException.of("device", kind.name().toLowerCase(Locale.ROOT) + ":" + ordinal,
                    "a GPU ordinal >= 0");
        }
    }

    /** Parses {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N}. */
    public static Device parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "cuda":
            case "gpu":
                return new Device(Kind.CUDA, 0);
            default:
                break;
        }
        if (s.startsWith("cuda:")) {
            try {
                return new Device(Kind.CUDA, Integer.parseInt(s.substring(5)));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw InvalidSettingsException.of("device", text, "auto, cpu, cuda or cuda:N");
    }

    @Override
    public String toString() {
        return kind == Kind.CUDA ? "cuda:" + ordinal : kind.name().toLowerCase(Locale.ROOT);
    }
}
