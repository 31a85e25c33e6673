package dev.quire.service.results;

import dev.quire.job.Columns;
import dev.quire.service.results.Results.Line;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The {@code lines} column, {@code array<struct<text, confidence, box array<float>>>}, as Spark
 * writes arrays: Parquet's standard three-level LIST ({@code group (LIST) { repeated group list {
 * element } }}). The finished list goes into the record's slot.
 */
final class LinesConverter extends GroupConverter {
    private static final int BOX_POINTS = 8;

    private final Object[] values;
    private final int slot;
    private final GroupConverter list;
    private List<Line> lines;
    private String text;
    private float confidence;
    private float[] box = new float[BOX_POINTS];
    private int boxSize;

    LinesConverter(GroupType linesType, Object[] values, int slot) {
        this.values = values;
        this.slot = slot;
        GroupType element = elementOf(linesType).asGroupType();
        Converter[] fields = new Converter[element.getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
            String name = element.getType(i).getName();
            fields[i] = switch (name) {
                case Columns.TEXT -> new PrimitiveConverter() {
                    @Override
                    public void addBinary(Binary value) {
                        text = value.toStringUsingUTF8();
                    }
                };
                case Columns.CONFIDENCE -> new PrimitiveConverter() {
                    @Override
                    public void addFloat(float value) {
                        confidence = value;
                    }
                };
                case Columns.BOX -> single(single(new PrimitiveConverter() {
                    @Override
                    public void addFloat(float value) {
                        if (boxSize == box.length) {
                            box = Arrays.copyOf(box, box.length * 2);
                        }
                        box[boxSize++] = value;
                    }
                }, () -> { }, () -> { }), () -> boxSize = 0, () -> { });
                default -> new PrimitiveConverter() { };   // a field added later: not part of Line yet
            };
        }
        GroupConverter elementConverter = group(fields, () -> {
            text = null;
            confidence = 0;
            boxSize = 0;
        }, () -> lines.add(new Line(text, confidence, Arrays.copyOf(box, boxSize))));
        this.list = single(elementConverter, () -> { }, () -> { });
    }

    private static org.apache.parquet.schema.Type elementOf(GroupType listType) {
        GroupType repeated = listType.getType(0).asGroupType();
        if (listType.getFieldCount() != 1 || repeated.getFieldCount() != 1) {
            throw new IllegalArgumentException("not a three-level LIST: " + listType);
        }
        return repeated.getType(0);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return list;
    }

    @Override
    public void start() {
        lines = new ArrayList<>();
    }

    @Override
    public void end() {
        values[slot] = Collections.unmodifiableList(lines);
    }

    private static GroupConverter single(Converter child, Runnable start, Runnable end) {
        return group(new Converter[] {child}, start, end);
    }

    private static GroupConverter group(Converter[] children, Runnable start, Runnable end) {
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return children[fieldIndex];
            }

            @Override
            public void start() {
                start.run();
            }

            @Override
            public void end() {
                end.run();
            }
        };
    }
}
