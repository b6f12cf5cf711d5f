package org.peelharvest.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.peelharvest.model.ControlCharacters;

/**
 * What the command line prints, with every control character but tab, line feed and carriage
 * return shown escaped ({@code \x1b}): a report's text, a file's name or an argument echoed in an
 * error must not retitle, clear or recolour the user's terminal (issue 17). Applied once, to
 * stdout and stderr of every command, so no print path can forget it.
 */
final class Terminal {

    private Terminal() {
    }

    /** {@code out}, written to as UTF-8 with its control characters escaped; itself when it escapes already. */
    static PrintStream escaping(PrintStream out) {
        return out instanceof EscapingPrintStream ? out : new EscapingPrintStream(out);
    }

    /**
     * Sets stdout and stderr to escaping ones, for the log lines too (logback's console appender
     * writes to whatever {@code System.err} is when it writes).
     */
    static void escapeSystemStreams() {
        System.setOut(escaping(System.out));
        System.setErr(escaping(System.err));
    }

    private static final class EscapingPrintStream extends PrintStream {

        EscapingPrintStream(PrintStream out) {
            super(new Escaping(out), true, StandardCharsets.UTF_8);
        }
    }

    /**
     * Escapes the control characters of UTF-8 bytes: a C0 control or DEL is one byte, a C1 control
     * the two bytes {@code C2 80} to {@code C2 9F}; every other byte passes as it is.
     */
    private static final class Escaping extends FilterOutputStream {

        private static final int C1_LEAD = 0xC2;
        private boolean afterC1Lead;

        Escaping(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        /** The bytes escaped, written at once: the stream beneath is a PrintStream, which locks and flushes a write. */
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteArrayOutputStream escaped = new ByteArrayOutputStream(length + 16);
            for (int i = offset; i < offset + length; i++) {
                escape(bytes[i] & 0xFF, escaped);
            }
            escaped.writeTo(out);
        }

        private void escape(int b, ByteArrayOutputStream escaped) {
            if (afterC1Lead) {
                afterC1Lead = false;
                if (b >= 0x80 && ControlCharacters.isControl(b)) {
                    escaped.writeBytes(ControlCharacters.escaped(b).getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                escaped.write(C1_LEAD);
            }
            if (b == C1_LEAD) {
                afterC1Lead = true;
            } else if (b < 0x80 && ControlCharacters.isControl(b)) {
                escaped.writeBytes(ControlCharacters.escaped(b).getBytes(StandardCharsets.US_ASCII));
            } else {
                escaped.write(b);
            }
        }
    }
}
