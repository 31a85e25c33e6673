package dev.quire.service.results;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/** Records of the single column {@code doc_id}, as their raw bytes. */
final class DocIdMaterializer extends RecordMaterializer<Binary> {
    private Binary current;
    private final PrimitiveConverter value = new PrimitiveConverter() {
        @Override
        public void addBinary(Binary v) {
            current = v;
        }
    };
    private final GroupConverter root = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
            return value;
        }

        @Override
        public void start() {
            current = null;
        }

        @Override
        public void end() {
        }
    };

    @Override
    public Binary getCurrentRecord() {
        return current;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }
}
