package org.mentoringanalytics.ingest;

/**
 * Why a row that loads is still worth a look. These rows are kept: each pattern is legitimate
 * often enough (a kick-off call before the match is entered, a program manager logging for a
 * pair, a rehire's earlier promotion) that rejecting would lose real data. Ingest lists every such
 * row with its code in the run's rejects folder ({@code warnings-<source>.csv}) and counts them
 * in the file's message.
 */
public enum WarningCode {
    /** A session that started before its match was made. */
    SESSION_BEFORE_MATCH("session_before_match"),
    /** A session that started after its match ended. */
    SESSION_AFTER_MATCH("session_after_match"),
    /** A session logged by someone who is neither the match's mentor nor one of its mentees. */
    LOGGER_OUTSIDE_MATCH("logger_outside_match"),
    /** A session logged by someone after their last day of employment. */
    LOGGER_AFTER_LEAVING("logger_after_leaving"),
    /** A match made before its program's first day. */
    MATCH_BEFORE_PROGRAM("match_before_program"),
    /** A match made after its mentor's or mentee's last day of employment. */
    MATCH_AFTER_LEAVING("match_after_leaving"),
    /** A job change dated before the employee's hire date. */
    CHANGE_BEFORE_HIRE("change_before_hire"),
    /** An identifier that differs from another only in letter case: two people, or one typed twice? */
    ID_CASE_VARIANT("id_case_variant");

    private final String code;

    WarningCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
