package org.mentoringanalytics.ingest.internal;

import org.apache.avro.generic.GenericRecord;

/** The outcome of converting one landing row: exactly one of record and reject is set. */
public record ConvertedRow(GenericRecord record, Reject reject) {

    static ConvertedRow valid(GenericRecord record) {
        return new ConvertedRow(record, null);
    }

    static ConvertedRow rejected(Reject reject) {
        return new ConvertedRow(null, reject);
    }

    public boolean isValid() {
        return record != null;
    }
}
