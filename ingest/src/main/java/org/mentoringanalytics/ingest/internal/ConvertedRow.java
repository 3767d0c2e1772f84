package org.mentoringanalytics.ingest.internal;

import org.apache.avro.generic.GenericRecord;

/**
 * The outcome of converting one landing row: a staging record (and possibly a restricted side
 * record), or a reject. Carries where the row came from.
 *
 * @param fileIndex  position of the file among the source's files in the plan
 * @param line       line of the row in that file
 * @param record     staging record, or null when rejected
 * @param restricted restricted side record, or null
 * @param reject     why the row was quarantined, or null
 * @param warnings   findings on a row that loads
 */
public record ConvertedRow(int fileIndex, long line, GenericRecord record, GenericRecord restricted, Reject reject,
                           java.util.List<RowWarning> warnings) {

    public ConvertedRow(int fileIndex, long line, GenericRecord record, GenericRecord restricted, Reject reject) {
        this(fileIndex, line, record, restricted, reject, java.util.List.of());
    }

    public boolean isValid() {
        return record != null;
    }
}
