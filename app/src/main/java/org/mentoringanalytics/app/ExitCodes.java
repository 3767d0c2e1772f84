package org.mentoringanalytics.app;

/** The program's exit codes, as documented in README and in every command's help. */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int FILE_REJECTED = 3;
    static final int BUSY = 4;
    /** A table's files differ from its manifest; the message names the file and what to do. */
    static final int DAMAGED = 5;

    private ExitCodes() {
    }
}
