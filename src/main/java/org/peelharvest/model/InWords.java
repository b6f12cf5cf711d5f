package org.peelharvest.model;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * A failure in a person's words, for a message: what kind of thing went wrong ("permission
 * denied", "the data ends early", "timed out") and the library's own detail, never the name of a
 * Java type (clig.dev: messages for people; the stack trace is for {@code --debug}).
 */
public final class InWords {

    private InWords() {
    }

    /** {@code failure}'s kind in words, with its message when that adds something (a file's failure: the file). */
    public static String of(Throwable failure) {
        String kind = kind(failure);
        if (failure instanceof FileSystemException system) {
            String what = kind != null && !kind.equals("input/output error") ? kind
                    : system.getReason() != null ? lowerFirst(system.getReason().strip()) : "input/output error";
            String where = system.getFile() == null ? "" : system.getFile()
                    + (system.getOtherFile() == null ? "" : " -> " + system.getOtherFile());
            return where.isEmpty() ? what : what + " (" + where + ")";
        }
        String detail = failure.getMessage() == null || failure.getMessage().isBlank() ? null : failure.getMessage().strip();
        if (kind == null) {
            return detail == null ? "an unexpected error (run it again with --debug to see where)" : lowerFirst(detail);
        }
        return detail == null || detail.equalsIgnoreCase(kind) ? kind : kind + " (" + detail + ")";
    }

    /** The kind of failure a person can act on, or null when only its message says it. */
    private static String kind(Throwable failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        } else if (failure instanceof NoSuchFileException) {
            return "no such file";
        } else if (failure instanceof EOFException) {
            return "the data ends early";
        } else if (failure instanceof ZipException) {
            return "damaged compressed data";
        } else if (failure instanceof CharacterCodingException) {
            return "text not in its stated encoding";
        } else if (failure instanceof SocketTimeoutException || failure instanceof HttpTimeoutException) {
            return "timed out";
        } else if (failure instanceof ConnectException) {
            return "connection refused";
        } else if (failure instanceof UnknownHostException) {
            return "unknown host";
        } else if (failure instanceof javax.net.ssl.SSLException) {
            return "the secure connection failed";
        } else if (failure instanceof OutOfMemoryError) {
            return "out of memory (give Java more with PEEL_JAVA_OPTS=-Xmx…)";
        } else if (failure instanceof StackOverflowError) {
            return "nested too deeply to read";
        }
        return failure instanceof IOException && failure.getMessage() == null ? "input/output error" : null;
    }

    private static String lowerFirst(String text) {
        return text.matches("(?s)[A-Z][a-z].*") ? text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1) : text;
    }
}
