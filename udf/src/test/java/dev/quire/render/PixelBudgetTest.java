package dev.quire.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PixelBudgetTest {
    @Test
    void normalPagesGetTheRequestedDpi() {
        assertThat(PixelBudget.scale(612, 792, 200, 40_000_000)).isCloseTo(200 / 72.0, within(1e-9));
    }

    @Test
    void largePagesAreScaledToThePixelCap() {
        // 200 × 200 inches at 200 DPI would be 1.6 billion pixels
        double s = PixelBudget.scale(14400, 14400, 200, 40_000_000);
        assertThat(14400 * s * 14400 * s).isCloseTo(40_000_000, within(1.0));
    }

    @Test
    void longStripsAreLimitedPerSide() {
        double s = PixelBudget.scale(720_000, 72, 200, 500_000_000);
        assertThat(720_000 * s).isLessThanOrEqualTo(PixelBudget.MAX_SIDE + 1e-6);
    }
}
