package dev.quire.testing;

import dev.quire.ocr.Device;
import dev.quire.ocr.EngineSettings;
import dev.quire.ocr.Engines;
import dev.quire.ocr.OcrEngine;

/** The CPU engine tests share (loaded once per test JVM, like on an executor). */
public final class SharedEngine {
    public static final EngineSettings CPU = EngineSettings.defaults().withDevice(Device.CPU).withCpuThreads(2);

    private SharedEngine() {
    }

    public static OcrEngine get() {
        return Engines.shared(CPU);
    }
}
