package dev.quire.ocr;

import dev.quire.ocr.geometry.Quad;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTurnTest {
    @Test
    void turningMovesCornersAndStartsAtTheNewTopLeft() {
        Quad q = Quad.rectangle(10, 20, 110, 40);
        Quad turned = OcrEngine.turn(q, 200, 100);
        assertThat(turned.points()).containsExactly(90, 60, 190, 60, 190, 80, 90, 80);
    }

    @Test
    void turningPointsKeepsTheCornerOrder() {
        Quad q = Quad.rectangle(90, 60, 190, 80);
        // back on the page the text's top-left corner is the box's bottom-right
        assertThat(OcrEngine.turnPoints(q, 200, 100).points()).containsExactly(110, 40, 10, 40, 10, 20, 110, 20);
    }
}
