package dev.quire.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextLayerTest {
    @Test
    void needsEnoughLettersOrDigits() {
        assertThat(new TextLayer("12", List.of(), 2, 0).usable()).isFalse();
        assertThat(new TextLayer("A page with plenty of real words on it.", List.of(), 38, 0).usable()).isTrue();
    }

    @Test
    void mostlyUnmappedGlyphsAreNotUsable() {
        String text = "x".repeat(100);
        assertThat(new TextLayer(text, List.of(), 100, 50).usable()).isFalse();
        assertThat(new TextLayer(text, List.of(), 100, 5).usable()).isTrue();
    }
}
