package org.peelharvest.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;

/**
 * A partition's documents as its file in the work area keeps them: a first line naming the format,
 * then one line a document, its fields apart by tabs: the path as the text it was listed by (a URI
 * would make a relative path absolute, and the key would change), the offset, the URL and the
 * fingerprint; for a document that cannot be read at all, four more: its reject's URL, stage,
 * reason code and detail. A tab, a line break or a backslash in a field is written {@code \t},
 * {@code \n}, {@code \r} or {@code \\}, half of a surrogate pair (which UTF-8 cannot hold)
 * <code>&#92;u</code> and four hexadecimal digits, and a field that is not there {@code \-}.
 *
 * <p>Plain text rather than JSON: written on the run's one thread before any document is read,
 * and read by each partition as it starts, where Jackson's first use cost each about as much as
 * the rest of the work (issue 18's profile).
 */
final class PartitionFile {

    static final String EXTENSION = ".tsv";
    static final String FIRST_LINE = "peel-harvest partition 1";
    private static final String ABSENT = "\\-";
    private static final int FIELDS = 4;
    private static final int FIELDS_WITH_PROBLEM = 8;

    private PartitionFile() {
    }

    static String format(List<DocumentRef> documents) {
        StringBuilder text = new StringBuilder(FIRST_LINE).append('\n');
        for (DocumentRef document : documents) {
            field(text, document.file().toString()).append('\t').append(document.offset()).append('\t');
            field(text, document.url()).append('\t');
            field(text, document.fingerprint());
            Reject problem = document.problem();
            if (problem != null) {
                text.append('\t');
                field(text, problem.sourceUrl()).append('\t');
                field(text, problem.stage()).append('\t');
                field(text, problem.reason() == null ? null : problem.reason().code()).append('\t');
                field(text, problem.detail());
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The documents {@link #format} wrote; an {@link IllegalArgumentException} names what is wrong with a damaged file. */
    static List<DocumentRef> parse(String text) {
        if (!text.startsWith(FIRST_LINE + "\n")) {
            throw new IllegalArgumentException("it does not begin with \"" + FIRST_LINE + "\"");
        }
        List<DocumentRef> documents = new ArrayList<>();
        int at = FIRST_LINE.length() + 1;
        int lineNumber = 1;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            lineNumber++;
            if (end < 0) {
                throw new IllegalArgumentException("line " + lineNumber + " is cut short");
            }
            List<String> fields = fields(text, at, end, lineNumber);
            if (fields.size() != FIELDS && fields.size() != FIELDS_WITH_PROBLEM) {
                throw new IllegalArgumentException("line " + lineNumber + " has " + fields.size() + " fields");
            }
            documents.add(document(fields, lineNumber));
            at = end + 1;
        }
        return documents;
    }

    private static DocumentRef document(List<String> fields, int lineNumber) {
        long offset;
        try {
            offset = Long.parseLong(fields.get(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + lineNumber + " has no offset");
        }
        Reject problem = null;
        if (fields.size() == FIELDS_WITH_PROBLEM) {
            RejectReason reason = fields.get(6) == null ? null : RejectReason.ofCode(fields.get(6));
            problem = new Reject(fields.get(4), fields.get(5), reason, fields.get(7));
        }
        if (fields.get(0) == null) {
            throw new IllegalArgumentException("line " + lineNumber + " has no path");
        }
        return new DocumentRef(Path.of(fields.get(0)), offset, fields.get(2), fields.get(3), problem);
    }

    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text.append(ABSENT);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\\' -> text.append("\\\\");
                default -> {
                    if (Character.isSurrogate(c) && !isPaired(value, i)) {
                        text.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text;
    }

    /** The four lower-case hexadecimal digits at {@code at}, or -1. */
    private static int hex4(String text, int at) {
        int code = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || Character.isUpperCase(text.charAt(i))) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }

    /** Whether the surrogate at {@code i} is half of a pair whose other half stands beside it. */
    private static boolean isPaired(String value, int i) {
        char c = value.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /** The fields of the line from {@code from} to {@code to} (its line break), unescaped. */
    private static List<String> fields(String text, int from, int to, int lineNumber) {
        List<String> fields = new ArrayList<>(FIELDS_WITH_PROBLEM);
        StringBuilder field = new StringBuilder();
        boolean absent = false;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : '\t';
            if (c == '\t') {
                if (absent && !field.isEmpty()) {
                    throw new IllegalArgumentException("line " + lineNumber + " has a field both absent and there");
                }
                fields.add(absent ? null : field.toString());
                field.setLength(0);
                absent = false;
            } else if (c == '\\') {
                if (i + 1 >= to) {
                    throw new IllegalArgumentException("line " + lineNumber + " ends in a lone backslash");
                }
                char escaped = text.charAt(++i);
                switch (escaped) {
                    case 't' -> field.append('\t');
                    case 'n' -> field.append('\n');
                    case 'r' -> field.append('\r');
                    case '\\' -> field.append('\\');
                    case '-' -> absent = true;
                    case 'u' -> {
                        int code = i + 4 < to ? hex4(text, i + 1) : -1;
                        if (code < 0) {
                            throw new IllegalArgumentException("line " + lineNumber + " has a \\u escape that is cut short");
                        }
                        field.append((char) code);
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("line " + lineNumber + " has an unknown escape \\" + escaped);
                }
            } else {
                field.append(c);
            }
        }
        return fields;
    }
}
