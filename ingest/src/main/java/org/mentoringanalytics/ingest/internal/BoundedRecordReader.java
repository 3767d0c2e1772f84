package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Passes CSV text through one record at a time and holds no record longer than a limit, so no
 * input (a gigabyte field, a file without a line break, a quote never closed) can exhaust the heap.
 * It follows the record boundaries as the CSV parser sees them (a line break ends a record unless
 * it is inside a quoted field). A record over the limit is replaced by its line breaks alone: the
 * parser then sees blank lines, the physical line numbers of everything after it stay exact, and
 * {@link #tooLong} says which lines it spanned so the reader rejects it.
 */
final class BoundedRecordReader extends Reader {

    /** A record over the limit: its first and last physical line. */
    record Span(long firstLine, long lastLine) {
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final Reader in;
    private final int limit;
    private final List<Span> tooLong = new ArrayList<>();
    private final char[] input;
    private int inputLength;
    private int inputPosition;
    private boolean eof;
    private State state = State.FIELD_START;
    private boolean overflow;
    private boolean lastWasCr;
    private long line = 1;
    private long recordFirstLine = 1;
    // The record being gathered, then handed out: grown as needed, up to the limit; past it, its line breaks alone.
    private char[] record = new char[256];
    private int recordLength;
    private int readyPosition;

    BoundedRecordReader(Reader in, int limit) {
        this(in, limit, 1 << 16);
    }

    /** @param bufferSize characters read from {@code in} at a time (small in tests, to cross buffer ends everywhere) */
    BoundedRecordReader(Reader in, int limit, int bufferSize) {
        this.in = in;
        this.limit = limit;
        this.input = new char[bufferSize];
    }

    /** Records found over the limit so far, in line order. */
    List<Span> tooLong() {
        return tooLong;
    }

    int limit() {
        return limit;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (readyPosition >= recordLength) {
            if (!nextRecord()) {
                return -1;
            }
        }
        int n = Math.min(length, recordLength - readyPosition);
        System.arraycopy(record, readyPosition, buffer, offset, n);
        readyPosition += n;
        return n;
    }

    /**
     * Reads up to the end of the next record (or of the input); false at the end. Characters are
     * examined one at a time for the record's state and lines, but copied in runs: up to the end
     * of the record or of the input buffer, whichever comes first.
     */
    private boolean nextRecord() throws IOException {
        recordLength = 0;
        readyPosition = 0;
        overflow = false;
        recordFirstLine = line;
        while (true) {
            if (inputPosition >= inputLength && !refill()) {
                return finish(recordLength > 0 || overflow);
            }
            int runStart = inputPosition;
            while (inputPosition < inputLength) {
                char c = input[inputPosition++];
                if (c == '\n' ? !lastWasCr : c == '\r') {
                    line++;
                }
                lastWasCr = c == '\r';
                if (step(c)) {
                    append(runStart, inputPosition);
                    if (!(c == '\r' && peekIsLf())) {
                        return finish(true);
                    }
                    runStart = inputPosition;
                }
            }
            append(runStart, inputPosition);
        }
    }

    /** Reads the next buffer of input once the last is used up; false at the end of the input. */
    private boolean refill() throws IOException {
        if (eof || (inputLength = in.read(input, 0, input.length)) < 0) {
            eof = true;
            inputLength = 0;
            inputPosition = 0;
            return false;
        }
        inputPosition = 0;
        return true;
    }

    /**
     * Adds input {@code from..to} to the record. Past the limit the record keeps only its line
     * breaks, those it had and those still to come, so the parser sees blank lines in their place.
     */
    private void append(int from, int to) {
        if (!overflow && recordLength + (to - from) > limit) {
            overflow = true;
            int kept = 0;
            for (int i = 0; i < recordLength; i++) {
                if (record[i] == '\r' || record[i] == '\n') {
                    record[kept++] = record[i];
                }
            }
            recordLength = kept;
        }
        if (overflow) {
            for (int i = from; i < to; i++) {
                char c = input[i];
                if (c == '\r' || c == '\n') {
                    ensureRoom(1);
                    record[recordLength++] = c;
                }
            }
            return;
        }
        ensureRoom(to - from);
        System.arraycopy(input, from, record, recordLength, to - from);
        recordLength += to - from;
    }

    private void ensureRoom(int more) {
        if (recordLength + more > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + more));
        }
    }

    private boolean peekIsLf() throws IOException {
        if (inputPosition >= inputLength && !refill()) {
            return false;
        }
        return input[inputPosition] == '\n';
    }

    private boolean finish(boolean any) {
        if (overflow) {
            long last = lastWasCr || recordLength > 0 && record[recordLength - 1] == '\n' ? line - 1 : line;
            tooLong.add(new Span(recordFirstLine, Math.max(recordFirstLine, last)));
        }
        state = State.FIELD_START;
        return any;
    }

    /** Moves the field state on by one character; true when it ends the record. */
    private boolean step(char c) {
        boolean lineBreak = c == '\r' || c == '\n';
        switch (state) {
            case FIELD_START -> {
                if (lineBreak) {
                    return true;
                }
                state = c == '"' ? State.QUOTED : c == ',' || c == ' ' || c == '\t' ? State.FIELD_START : State.UNQUOTED;
            }
            case UNQUOTED -> {
                if (lineBreak) {
                    return true;
                }
                if (c == ',') {
                    state = State.FIELD_START;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (lineBreak) {
                    return true;
                }
                state = c == '"' ? State.QUOTED : c == ',' ? State.FIELD_START : State.UNQUOTED;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
