package dev.quire.ocr.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds 8-connected regions of a thresholded probability map (the outer contours that
 * {@code cv2.findContours} gives PP-OCR) and returns each region's convex outline points: the
 * left- and rightmost pixel centre of every row, which have the same convex hull as the contour.
 */
final class Components {
    private Components() {
    }

    /** Outline points (x,y pairs) per region, in raster order of each region's first pixel. */
    static List<double[]> outlines(boolean[] mask, int width, int height, int limit) {
        int[] label = new int[mask.length];
        int[] stack = new int[Math.max(16, mask.length / 8)];
        int[] rowMin = new int[height];
        int[] rowMax = new int[height];
        List<double[]> result = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < mask.length && result.size() < limit; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            next++;
            int top = start / width;
            int bottom = top;
            Arrays.fill(rowMin, top, height, Integer.MAX_VALUE);
            Arrays.fill(rowMax, top, height, Integer.MIN_VALUE);
            int sp = 0;
            stack[sp++] = start;
            label[start] = next;
            while (sp > 0) {
                int p = stack[--sp];
                int y = p / width;
                int x = p - y * width;
                if (x < rowMin[y]) {
                    rowMin[y] = x;
                }
                if (x > rowMax[y]) {
                    rowMax[y] = x;
                }
                if (y > bottom) {
                    bottom = y;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= width) {
                            continue;
                        }
                        int q = ny * width + nx;
                        if (mask[q] && label[q] == 0) {
                            label[q] = next;
                            if (sp == stack.length) {
                                stack = Arrays.copyOf(stack, stack.length * 2);
                            }
                            stack[sp++] = q;
                        }
                    }
                }
            }
            result.add(outline(rowMin, rowMax, top, bottom));
        }
        return result;
    }

    private static double[] outline(int[] rowMin, int[] rowMax, int top, int bottom) {
        double[] xy = new double[(bottom - top + 1) * 4];
        int n = 0;
        for (int y = top; y <= bottom; y++) {
            xy[n++] = rowMin[y];
            xy[n++] = y;
            if (rowMax[y] != rowMin[y]) {
                xy[n++] = rowMax[y];
                xy[n++] = y;
            }
        }
        return Arrays.copyOf(xy, n);
    }
}
