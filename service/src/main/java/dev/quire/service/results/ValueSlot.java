package dev.quire.service.results;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Stores one primitive column's value, as a plain Java value, in one slot of a record's value
 * array: strings for binary columns, ISO-8601 strings for timestamps, boxed numbers otherwise.
 * A field that is null in a record gets no call, so the record's converter clears the slots first.
 */
final class ValueSlot extends PrimitiveConverter {
    private final Object[] values;
    private final int slot;
    private final boolean int96;
    private final LogicalTypeAnnotation.TimeUnit timestampUnit;
    private final boolean string;
    private Dictionary dictionary;
    /** Dictionary entries decoded so far: a lookup touches few of them, so none is decoded twice or needlessly. */
    private String[] decoded;

    ValueSlot(Object[] values, int slot, PrimitiveType type) {
        this.values = values;
        this.slot = slot;
        this.int96 = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96;
        this.timestampUnit = type.getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t ? t.getUnit() : null;
        this.string = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY;
    }

    @Override
    public boolean hasDictionarySupport() {
        return string;
    }

    @Override
    public void setDictionary(Dictionary dictionary) {
        this.dictionary = dictionary;
        this.decoded = new String[dictionary.getMaxId() + 1];
    }

    @Override
    public void addValueFromDictionary(int id) {
        String s = decoded[id];
        if (s == null) {
            s = dictionary.decodeToBinary(id).toStringUsingUTF8();
            decoded[id] = s;
        }
        values[slot] = s;
    }

    @Override
    public void addBinary(Binary value) {
        values[slot] = int96 ? ParquetTimestamps.int96(value) : value.toStringUsingUTF8();
    }

    @Override
    public void addInt(int value) {
        values[slot] = value;
    }

    @Override
    public void addLong(long value) {
        values[slot] = timestampUnit == null ? (Object) value : ParquetTimestamps.int64(value, timestampUnit);
    }

    @Override
    public void addFloat(float value) {
        values[slot] = value;
    }

    @Override
    public void addDouble(double value) {
        values[slot] = value;
    }

    @Override
    public void addBoolean(boolean value) {
        values[slot] = value;
    }
}
