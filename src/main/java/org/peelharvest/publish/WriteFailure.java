package org.peelharvest.publish;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file of a release or of a run's work area that could not be written, named as a person reads
 * it: the system's reason and the path ({@code no space left on device writing
 * /data/.peel.publishing/questions.csv}). The system's own {@link IOException} names neither
 * the file nor, for a stream, anything but the reason; this is where a write's failure is
 * translated, so that the line a failed run prints names what to free or fix (issue 17, item 8:
 * a full disk was reported as {@code OptimisticLockingFailureException}).
 */
public final class WriteFailure extends IOException {

    private final transient Path path;

    public WriteFailure(Path path, IOException cause) {
        super(reasonOf(cause) + " writing " + path, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The system's reason, in lower case as {@code strerror} reads in a sentence ("no space left on device"). */
    public static String reasonOf(IOException failure) {
        String reason;
        if (failure instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (failure instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (failure instanceof FileSystemException system && system.getReason() != null) {
            reason = system.getReason();
        } else {
            reason = failure.getMessage() == null ? "input/output error" : failure.getMessage();
        }
        return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }

    /** {@code failure} naming {@code path}, unless it already names a file. */
    public static WriteFailure of(Path path, IOException failure) {
        return failure instanceof WriteFailure named ? named : new WriteFailure(path, failure);
    }

    /** A new file's stream, whose failures name the file. */
    static OutputStream create(Path file) throws IOException {
        try {
            return new Named(file, Files.newOutputStream(file));
        } catch (IOException e) {
            throw of(file, e);
        }
    }

    /** Writes {@code text} as UTF-8 into {@code file}, a failure naming it. */
    static void writeString(Path file, CharSequence text) throws IOException {
        try (OutputStream out = create(file)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A file's stream: a failure to write, flush or close it names the file, and closes the file
     * at once (the writers above it do not close what failed under them; an open file of a full
     * disk would keep it from being unmounted for as long as the process lives).
     */
    private static final class Named extends FilterOutputStream {
        private final Path file;

        Named(Path file, OutputStream out) {
            super(out);
            this.file = file;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw of(file, e);
            }
        }

        private WriteFailure failed(IOException failure) {
            try {
                out.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            return of(file, failure);
        }
    }
}
