package org.mentoringanalytics.contracts;

/**
 * Logical column types. Each maps to one Parquet physical/logical type pair so that Spring
 * Batch (via Avro) and Spark write and read identical files: DATE is a Parquet DATE (days since
 * epoch), TIMESTAMP a UTC-adjusted TIMESTAMP(MICROS).
 */
public enum ColumnType {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    DATE,
    TIMESTAMP
}
