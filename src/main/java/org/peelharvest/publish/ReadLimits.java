package org.peelharvest.publish;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much of a release {@code validate} and {@code diff} hold at once (issue 17): every file is
 * streamed, and a CSV field or row, a line (of {@code reports.jsonl}, of the manifest), a report of
 * {@code reports.json} or a JSON file read whole past its limit is a problem naming the file, the
 * line and the limit, never the heap's end. The limits are generous: the longest field a release
 * holds (a report's summary) is a few KB, its longest report line some tens of KB.
 */
final class ReadLimits {

    /** The longest CSV field read, in characters. */
    static final int MAX_FIELD_CHARS = 1024 * 1024;
    /** The longest CSV row, JSON line, or report of reports.json read, in characters (bytes for reports.json). */
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;
    /** The largest JSON file read whole (datapackage.json, run.json, the report schema), in bytes. */
    static final long MAX_WHOLE_JSON_BYTES = 16L * 1024 * 1024;
    /** The most lines of the manifest read: a release has a few dozen files. */
    static final int MAX_MANIFEST_LINES = 10_000;
    /** The longest line of the manifest read: a digest, two spaces and a path (a path is at most 4,096 bytes on Linux). */
    static final int MAX_MANIFEST_LINE_CHARS = 8192;

    private ReadLimits() {
    }

    /** {@code file}: line N: {@code what} longer than the limit of N characters. */
    static String tooLong(String file, long line, String what, long limit) {
        return String.format(Locale.ROOT, "%s: line %d: %s longer than the limit of %,d characters", file, line, what,
                limit);
    }

    /** The problem with a JSON file too big to read whole, or null when it is not. */
    static String tooBigToReadWhole(Path file, String name) throws IOException {
        long size = Files.size(file);
        return size <= MAX_WHOLE_JSON_BYTES ? null : String.format(Locale.ROOT,
                "%s: %,d bytes, more than the limit of %,d for a JSON file read whole; not read", name, size,
                MAX_WHOLE_JSON_BYTES);
    }

    /** A UTF-8 text file's reader, past the byte-order mark the spreadsheet style starts with ({@link CsvStyle}). */
    static BufferedReader textReader(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** One line of a file; {@code text} is null when the line was longer than the limit (it was skipped). */
    record Line(long number, String text) {

        boolean tooLong() {
            return text == null;
        }
    }

    /** A file's lines, none of them held past {@code maxChars}: a longer line is skipped, not kept. */
    static final class Lines implements Closeable {

        private final Reader reader;
        private final int maxChars;
        private final char[] buffer = new char[8192];
        private int position;
        private int end;
        private long number;

        Lines(Reader reader, int maxChars) {
            this.reader = reader;
            this.maxChars = maxChars;
        }

        /** The next line (without its line ending), or null at the end of the file. */
        Line next() throws IOException {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == end && !fill()) {
                    return any ? line(line, tooLong) : null;
                }
                any = true;
                char c = buffer[position++];
                if (c == '\n') {
                    return line(line, tooLong);
                }
                if (!tooLong && line.length() == maxChars) {
                    tooLong = true;
                    line = new StringBuilder();
                }
                if (!tooLong) {
                    line.append(c);
                }
            }
        }

        private Line line(StringBuilder line, boolean tooLong) {
            number++;
            if (tooLong) {
                return new Line(number, null);
            }
            int length = line.length();
            return new Line(number, length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1)
                    : line.toString());
        }

        private boolean fill() throws IOException {
            end = Math.max(0, reader.read(buffer, 0, buffer.length));
            position = 0;
            return end > 0;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** A CSV field or row past its limit, found as the file was read: the rest of the file is not read. */
    static final class TooLong extends IOException {

        TooLong(String problem) {
            super(problem);
        }
    }

    /**
     * A CSV file's characters (RFC 4180: a field in double quotes may hold commas and line breaks,
     * a quote in it is doubled) that throws {@link TooLong} as soon as one field or one row grows past
     * its limit, before the CSV parser holds it: the parser itself has no such limit (Commons CSV 1.14
     * limits rows only by their number).
     */
    static final class CsvReader extends FilterReader {

        private final String file;
        private boolean quoted;
        private long line = 1;
        private long field;
        private long fieldLine = 1;
        private long row;
        private long rowLine = 1;

        CsvReader(Reader in, String file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                count(buffer[i]);
            }
            return read;
        }

        private void count(char c) throws TooLong {
            if (c == '"') {
                quoted = !quoted; // a doubled quote inside quotes toggles twice
            }
            if (c == '\n') {
                line++;
            }
            if (!quoted && (c == ',' || c == '\n' || c == '\r')) {
                field = 0;
                fieldLine = line;
                if (c != ',') {
                    row = 0;
                    rowLine = line;
                }
                return;
            }
            if (++field > MAX_FIELD_CHARS) {
                throw new TooLong(tooLong(file, fieldLine, "a field", MAX_FIELD_CHARS) + "; the rest of the file is not read");
            }
            if (++row > MAX_LINE_CHARS) {
                throw new TooLong(tooLong(file, rowLine, "a row", MAX_LINE_CHARS) + "; the rest of the file is not read");
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
