package dev.quire.ocr.geometry;

import org.locationtech.jts.algorithm.MinimumAreaRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferParameters;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The DB post-processing geometry of PP-OCR on JTS: minimum-area rectangles ({@code cv2.minAreaRect}
 * + PaddleOCR's {@code get_mini_boxes} corner order), the unclip offset and clockwise ordering.
 */
public final class BoxGeometry {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** Segments per quarter circle for round joins; enough that the offset's bounding rectangle is exact. */
    private static final int QUADRANT_SEGMENTS = 8;

    private BoxGeometry() {
    }

    /** A rotated rectangle with its shorter side, or {@code null} if the points are degenerate. */
    public record MiniBox(Quad quad, double shortSide) {
    }

    /**
     * Minimum-area rectangle of the points (x,y pairs), corners ordered as PaddleOCR's
     * {@code get_mini_boxes} does. Returns {@code null} when the points span no area.
     */
    public static MiniBox miniBox(double[] xy) {
        Coordinate[] coords = new Coordinate[xy.length / 2];
        for (int i = 0; i < coords.length; i++) {
            coords[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        Geometry points = GEOMETRY.createMultiPointFromCoords(coords);
        return miniBox(points);
    }

    private static MiniBox miniBox(Geometry geometry) {
        Geometry rect = MinimumAreaRectangle.getMinimumRectangle(geometry);
        if (!(rect instanceof Polygon polygon) || polygon.getArea() <= 0) {
            return null;
        }
        Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
        Coordinate[] corners = Arrays.copyOf(ring, 4);
        double side1 = corners[0].distance(corners[1]);
        double side2 = corners[1].distance(corners[2]);
        return new MiniBox(orderLikeMiniBoxes(corners), Math.min(side1, side2));
    }

    /**
     * {@code get_mini_boxes} order: sort by x; of the two left points the upper is first and the
     * lower last; of the two right points the upper is second and the lower third.
     */
    private static Quad orderLikeMiniBoxes(Coordinate[] corners) {
        Coordinate[] p = corners.clone();
        Arrays.sort(p, Comparator.comparingDouble(c -> c.x));
        Coordinate first = p[1].y > p[0].y ? p[0] : p[1];
        Coordinate fourth = p[1].y > p[0].y ? p[1] : p[0];
        Coordinate second = p[3].y > p[2].y ? p[2] : p[3];
        Coordinate third = p[3].y > p[2].y ? p[3] : p[2];
        return Quad.of((float) first.x, (float) first.y, (float) second.x, (float) second.y,
                (float) third.x, (float) third.y, (float) fourth.x, (float) fourth.y);
    }

    /**
     * Grows a box outwards by {@code area × ratio / perimeter} with round joins (the DB "unclip"),
     * then returns the minimum-area rectangle of the grown shape, or {@code null} if degenerate.
     */
    public static MiniBox unclip(Quad box, double ratio) {
        Polygon polygon = polygon(box);
        double perimeter = polygon.getLength();
        if (perimeter <= 0) {
            return null;
        }
        double distance = polygon.getArea() * ratio / perimeter;
        Geometry grown = polygon.buffer(distance, QUADRANT_SEGMENTS, BufferParameters.CAP_ROUND);
        if (grown.isEmpty()) {
            return null;
        }
        return miniBox(grown);
    }

    private static Polygon polygon(Quad q) {
        Coordinate[] ring = new Coordinate[5];
        for (int i = 0; i < 4; i++) {
            ring[i] = new Coordinate(q.x(i), q.y(i));
        }
        ring[4] = ring[0];
        return GEOMETRY.createPolygon(ring);
    }

    /**
     * Orders corners clockwise from the top-left like PaddleOCR's {@code order_points_clockwise}:
     * top-left has the smallest x+y, bottom-right the largest; of the other two, top-right has the
     * smallest y−x.
     */
    public static Quad orderClockwise(Quad q) {
        int tl = 0;
        int br = 0;
        for (int i = 1; i < 4; i++) {
            if (q.x(i) + q.y(i) < q.x(tl) + q.y(tl)) {
                tl = i;
            }
            if (q.x(i) + q.y(i) > q.x(br) + q.y(br)) {
                br = i;
            }
        }
        if (tl == br) {
            return q;
        }
        int a = -1;
        int b = -1;
        for (int i = 0; i < 4; i++) {
            if (i != tl && i != br) {
                if (a < 0) {
                    a = i;
                } else {
                    b = i;
                }
            }
        }
        int tr = q.y(a) - q.x(a) <= q.y(b) - q.x(b) ? a : b;
        int bl = tr == a ? b : a;
        return Quad.of(q.x(tl), q.y(tl), q.x(tr), q.y(tr), q.x(br), q.y(br), q.x(bl), q.y(bl));
    }
}
