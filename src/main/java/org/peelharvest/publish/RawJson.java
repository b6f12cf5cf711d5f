package org.peelharvest.publish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object written field by field into bytes, a value already serialised taken as it is: how
 * a staged line and a cache entry hold a report serialised once (issue 18), with no copy of it
 * made into a string and back.
 */
public final class RawJson {

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ByteArrayOutputStream out;
    private boolean first = true;

    /** An object, its bytes about {@code size} long. */
    public RawJson(int size) {
        out = new ByteArrayOutputStream(size + 64);
        out.write('{');
    }

    /** A field whose value is text (null: JSON's null). */
    public RawJson text(String name, String value) {
        if (value == null) {
            return json(name, NULL);
        }
        name(name);
        writeText(value);
        return this;
    }

    /** A text as a JSON string; one holding half of a surrogate pair is written as Jackson writes it, escaped. */
    private void writeText(String value) {
        byte[] quoted;
        try {
            quoted = JsonStringEncoder.getInstance().quoteAsUTF8(value);
        } catch (IllegalArgumentException halfASurrogatePair) {
            out.writeBytes(JSON.writeValueAsBytes(value));
            return;
        }
        out.write('"');
        out.writeBytes(quoted);
        out.write('"');
    }

    /** A field whose value is true or false. */
    public RawJson bool(String name, boolean value) {
        name(name);
        out.writeBytes(value ? TRUE : FALSE);
        return this;
    }

    /** A field whose value is an array of texts (null: JSON's null). */
    public RawJson texts(String name, List<String> values) {
        if (values == null) {
            return json(name, NULL);
        }
        name(name);
        out.write('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            if (values.get(i) == null) {
                out.writeBytes(NULL);
            } else {
                writeText(values.get(i));
            }
        }
        out.write(']');
        return this;
    }

    /** A field whose value is JSON already. */
    public RawJson json(String name, byte[] value) {
        name(name);
        out.writeBytes(value);
        return this;
    }

    /** A field whose value is an array of values that are JSON already. */
    public RawJson array(String name, List<byte[]> values) {
        name(name);
        out.write('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(values.get(i));
        }
        out.write(']');
        return this;
    }

    /** The object's bytes, closed. */
    public byte[] end() {
        out.write('}');
        return out.toByteArray();
    }

    private void name(String name) {
        if (!first) {
            out.write(',');
        }
        first = false;
        writeText(name);
        out.write(':');
    }
}
