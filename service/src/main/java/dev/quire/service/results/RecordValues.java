package dev.quire.service.results;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

import java.util.Arrays;
import java.util.Map;

/**
 * The root converter of a record: each top-level field's value lands in its slot (see
 * {@link ValueSlot}); a nested field gets the converter its {@link NestedField} makes, which stores
 * the finished value in the field's slot. Slots are cleared at the start of every record, so a
 * null field reads as {@code null}.
 */
final class RecordValues extends GroupConverter {
    /** Makes the converter of one nested (group) field. */
    interface NestedField {
        Converter converter(GroupType type, Object[] values, int slot);
    }

    private final GroupType type;
    private final Object[] values;
    private final Converter[] converters;

    RecordValues(GroupType type, Map<String, NestedField> nested) {
        this.type = type;
        this.values = new Object[type.getFieldCount()];
        this.converters = new Converter[type.getFieldCount()];
        for (int i = 0; i < converters.length; i++) {
            Type field = type.getType(i);
            NestedField n = nested.get(field.getName());
            if (field.isPrimitive()) {
                converters[i] = new ValueSlot(values, i, field.asPrimitiveType());
            } else if (n != null) {
                converters[i] = n.converter(field.asGroupType(), values, i);
            } else {
                throw new IllegalArgumentException("no converter for the nested field " + field.getName());
            }
        }
    }

    /** The slot of a top-level field, or -1 when the file does not have it. */
    int slot(String name) {
        return type.containsField(name) ? type.getFieldIndex(name) : -1;
    }

    Object get(int slot) {
        return slot < 0 ? null : values[slot];
    }

    String string(int slot) {
        return (String) get(slot);
    }

    int intValue(int slot) {
        Object v = get(slot);
        return v == null ? 0 : ((Number) v).intValue();
    }

    long longValue(int slot) {
        Object v = get(slot);
        return v == null ? 0 : ((Number) v).longValue();
    }

    float floatValue(int slot) {
        Object v = get(slot);
        return v == null ? 0 : ((Number) v).floatValue();
    }

    double doubleValue(int slot) {
        Object v = get(slot);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return converters[fieldIndex];
    }

    @Override
    public void start() {
        Arrays.fill(values, null);
    }

    @Override
    public void end() {
    }
}
