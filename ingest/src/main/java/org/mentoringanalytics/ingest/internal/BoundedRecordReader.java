package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
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
    private final StringBuilder record = new StringBuilder();
    private final List<Span> tooLong = new ArrayList<>();
    private final char[] input = new char[1 << 16];
    private int inputLength;
    private int inputPosition;
    private boolean eof;
    private State state = State.FIELD_START;
    private boolean overflow;
    private boolean lastWasCr;
    private long line = 1;
    private long recordFirstLine = 1;
    private String ready = "";
    private int readyPosition;

    BoundedRecordReader(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
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
        while (readyPosition >= ready.length()) {
            if (!nextRecord()) {
                return -1;
            }
        }
        int n = Math.min(length, ready.length() - readyPosition);
        ready.getChars(readyPosition, readyPosition + n, buffer, offset);
        readyPosition += n;
        return n;
    }

    /** Reads up to the end of the next record (or of the input); false at the end. */
    private boolean nextRecord() throws IOException {
        record.setLength(0);
        overflow = false;
        recordFirstLine = line;
        while (true) {
            if (inputPosition >= inputLength) {
                if (eof || (inputLength = in.read(input, 0, input.length)) < 0) {
                    eof = true;
                    inputLength = 0;
                    return finish(record.length() > 0 || overflow);
                }
                inputPosition = 0;
            }
            char c = input[inputPosition++];
            boolean lineBreak = c == '\r' || c == '\n';
            if (c == '\n' ? !lastWasCr : c == '\r') {
                line++;
            }
            lastWasCr = c == '\r';
            if (overflow) {
                if (lineBreak) {
                    record.append(c);
                }
            } else {
                record.append(c);
                if (record.length() > limit) {
                    overflow = true;
                    String kept = record.toString().replaceAll("[^\r\n]", "");
                    record.setLength(0);
                    record.append(kept);
                }
            }
            boolean ends = step(c);
            if (ends && !(c == '\r' && peekIsLf())) {
                return finish(true);
            }
        }
    }

    private boolean peekIsLf() throws IOException {
        if (inputPosition >= inputLength && !eof) {
            int n = in.read(input, 0, input.length);
            if (n < 0) {
                eof = true;
                inputLength = 0;
                inputPosition = 0;
                return false;
            }
            inputLength = n;
            inputPosition = 0;
        }
        return inputPosition < inputLength && input[inputPosition] == '\n';
    }

    private boolean finish(boolean any) {
        if (overflow) {
            long last = lastWasCr || record.length() > 0 && record.charAt(record.length() - 1) == '\n' ? line - 1 : line;
            tooLong.add(new Span(recordFirstLine, Math.max(recordFirstLine, last)));
        }
        ready = record.toString();
        readyPosition = 0;
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
