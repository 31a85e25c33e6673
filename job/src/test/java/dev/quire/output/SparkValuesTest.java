package dev.quire.output;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Spark's row values (scala collections, nested rows, timestamps) to plain values. */
class SparkValuesTest {
    @Test
    void convertsNestedScalaValuesTimestampsAndBinary() {
        StructType inner = new StructType().add("text", DataTypes.StringType).add("n", DataTypes.IntegerType);
        Row struct = new GenericRowWithSchema(new Object[] {"a", 1}, inner);
        scala.collection.immutable.Map<String, Long> map = scala.collection.immutable.Map$.MODULE$.from(
                scala.jdk.javaapi.CollectionConverters.asScala(Map.of("b", 2L, "a", 1L, "e", 5L, "d", 4L, "c", 3L)));
        Row row = new GenericRowWithSchema(new Object[] {
            Timestamp.from(Instant.parse("2026-11-23T00:45:29.705527Z")),
            scala.jdk.javaapi.CollectionConverters.asScala(List.of(struct)).toSeq(),
            map,
            new byte[] {1, 2, 3},
            java.sql.Date.valueOf("2026-01-02"),
        }, new StructType());

        List<Object> values = SparkValues.values(row);
        assertThat(values.get(0)).isEqualTo("2026-11-23T00:45:29.705527Z");
        assertThat(values.get(1)).isEqualTo(List.of(Map.of("text", "a", "n", 1)));
        assertThat(CellText.of(values.get(2))).isEqualTo("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}");
        assertThat(values.get(3)).isEqualTo("AQID");
        assertThat(values.get(4)).isEqualTo("2026-01-02");
    }

    @Test
    void numericColumnsAreMarked() {
        StructType schema = new StructType().add("s", DataTypes.StringType).add("l", DataTypes.LongType)
                .add("d", DataTypes.createDecimalType(10, 2));
        assertThat(SparkValues.columns(schema)).containsExactly(new ResultColumn("s", false),
                new ResultColumn("l", true), new ResultColumn("d", true));
    }
}
