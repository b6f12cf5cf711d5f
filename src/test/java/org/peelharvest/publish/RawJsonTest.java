package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class RawJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Line(String kind, String text, Map<String, Object> value, List<Map<String, Object>> values, String none) {
    }

    /** The bytes Jackson writes for the same object: texts escaped alike, values already JSON taken as they are. */
    @Test
    void writesWhatJacksonWritesForTheSameObject() {
        String awkward = "\u201cQuoted\u201d \"plain\" back\\slash, tab\t, line\nbreak, bell\u0007, \u00e9t\u00e9, \ud83d\ude93, "
                + "a/slash, \u2028, \u007f, half a pair \ud83d.";
        Map<String, Object> value = Map.of("grade", "Requires improvement");
        List<Map<String, Object>> values = List.of(Map.of("n", 1), Map.of("n", 2));
        byte[] raw = new RawJson(0).text("kind", "report").text("text", awkward).json("value", JSON.writeValueAsBytes(value))
                .array("values", values.stream().map(JSON::writeValueAsBytes).toList()).text("none", null).end();

        assertThat(raw).isEqualTo(JSON.writeValueAsBytes(new Line("report", awkward, value, values, null)));
        assertThat(JSON.readValue(raw, Line.class)).isEqualTo(new Line("report", awkward, value, values, null));
    }

    @Test
    void anEmptyArrayAndAnEmptyObject() {
        assertThat(new String(new RawJson(0).end(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(new String(new RawJson(0).array("reports", List.of()).end(), StandardCharsets.UTF_8))
                .isEqualTo("{\"reports\":[]}");
    }
}
