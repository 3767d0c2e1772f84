package org.mentoringanalytics.ingest;

/** Why a row was quarantined; the codes are the accepted values of stg_ingest_rejects.reason. */
public enum RejectReason {
    /** A required field is absent or empty. */
    MISSING("missing"),
    /** The value does not parse as the column's type. */
    BAD_TYPE("bad_type"),
    /** An enumerated value outside the accepted list. */
    NOT_ACCEPTED("not_accepted"),
    /** A number outside its allowed range (durations, scores, years). */
    OUT_OF_RANGE("out_of_range"),
    /** A date or moment after the run's as-of date. */
    AFTER_AS_OF("after_as_of"),
    /** Fields of the row contradict each other (an exit before the hire). */
    INCONSISTENT("inconsistent"),
    /** The row points to a program, person, match or question that does not exist. */
    UNKNOWN_REFERENCE("unknown_reference"),
    /** Another row with the same primary key superseded this one. */
    DUPLICATE_KEY("duplicate_key"),
    /** The row has more or fewer fields than the header: taken by position, values would shift columns. */
    FIELD_COUNT("field_count"),
    /** The row is longer than the limit on row length. */
    TOO_LONG("too_long"),
    /** The row holds bytes that are not text in its folder's encoding. */
    BAD_ENCODING("bad_encoding");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
