package org.mentoringanalytics.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounded reader passes every record under the limit through unchanged and replaces a longer
 * one by its line breaks, wherever the ends of its input buffer fall.
 */
class BoundedRecordReaderTest {

    /** Everything the reader gives, read through a small caller buffer, and the too-long spans it found. */
    private record Output(String text, List<BoundedRecordReader.Span> tooLong) {
    }

    private static Output read(String input, int limit, int bufferSize) throws IOException {
        BoundedRecordReader reader = new BoundedRecordReader(new StringReader(input), limit, bufferSize);
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[3];
        for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
            out.append(buffer, 0, n);
        }
        return new Output(out.toString(), List.copyOf(reader.tooLong()));
    }

    @Test
    void passesRecordsUnderTheLimitThroughUnchangedAtEveryBufferSize() throws IOException {
        Random random = new Random(20261207);
        char[] alphabet = {'a', 'b', ',', '"', ' ', '\t', '\r', '\n'};
        for (int trial = 0; trial < 2_000; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String input = text.toString();
            for (int bufferSize = 1; bufferSize <= 9; bufferSize++) {
                Output output = read(input, 1_000, bufferSize);
                assertEquals(input, output.text(), "buffer " + bufferSize + ", input " + input.replace("\r", "\\r").replace("\n", "\\n"));
                assertEquals(List.of(), output.tooLong());
            }
        }
    }

    @Test
    void replacesARecordOverTheLimitByItsLineBreaks() throws IOException {
        for (int bufferSize = 1; bufferSize <= 17; bufferSize++) {
            assertEquals(new Output("ab\n\nxy\n", List.of(new BoundedRecordReader.Span(2, 2))),
                    read("ab\nabcdefgh\nxy\n", 5, bufferSize), "LF, buffer " + bufferSize);
            assertEquals(new Output("ab\r\n\r\nxy\r\n", List.of(new BoundedRecordReader.Span(2, 2))),
                    read("ab\r\nabcdefgh\r\nxy\r\n", 5, bufferSize), "CRLF, buffer " + bufferSize);
            assertEquals(new Output("a\n\n\nz\n", List.of(new BoundedRecordReader.Span(2, 3))),
                    read("a\n\"abc\ndefgh\"\nz\n", 5, bufferSize), "quoted line break, buffer " + bufferSize);
            assertEquals(new Output("ab\n", List.of(new BoundedRecordReader.Span(2, 2))),
                    read("ab\nabcdefgh", 5, bufferSize), "last line without its break, buffer " + bufferSize);
            assertEquals(new Output("\r\r\n", List.of(new BoundedRecordReader.Span(1, 1), new BoundedRecordReader.Span(2, 2),
                            new BoundedRecordReader.Span(3, 3))),
                    read("abcdef\rghijkl\r\nmnopqr", 5, bufferSize), "three in a row, buffer " + bufferSize);
        }
    }

    @Test
    void theLimitCountsTheRecordsLineBreak() throws IOException {
        for (int bufferSize = 1; bufferSize <= 7; bufferSize++) {
            assertEquals(new Output("abcd\n\n", List.of(new BoundedRecordReader.Span(2, 2))),
                    read("abcd\nabcde\n", 5, bufferSize), "buffer " + bufferSize);
            assertEquals(new Output("abcd\nab\n", List.of()), read("abcd\nab\n", 5, bufferSize), "buffer " + bufferSize);
        }
    }
}
