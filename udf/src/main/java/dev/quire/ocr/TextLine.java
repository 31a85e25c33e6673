package dev.quire.ocr;

import dev.quire.ocr.geometry.Quad;

/** One recognised line: its text, mean character probability, and quadrilateral in page pixels. */
public record TextLine(String text, float confidence, Quad box) {
}
