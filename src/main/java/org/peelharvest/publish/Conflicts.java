package org.peelharvest.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.peelharvest.model.Report;

/**
 * Where two documents of one report (the HTML page and its PDF, or two addresses of one page)
 * disagree. Every published field is compared except the ones that describe the document itself
 * (its URL, format, digest, and where in it a value stood) and the ones derived from another
 * (a grade's scale and rank); text is compared with its white space folded, since layout is not
 * content.
 */
final class Conflicts {

    /** One field on which another document of the report gives another value than the published one. */
    record Conflict(String reportId, String field, String value, String sourceUrl, String otherValue,
                    String otherSourceUrl) {
    }

    /** Fields that describe the document rather than the report, and fields derived from others. */
    private static final Set<String> NOT_COMPARED = Set.of("source", "source_page", "source_path",
            "areas_for_improvement_sources", "recommendation_sources", "judgment_scale", "judgment_rank");

    private Conflicts() {
    }

    static List<Conflict> between(Report primary, Report other) {
        Map<String, String> mine = flatten(ReportJson.of(primary));
        Map<String, String> theirs = flatten(ReportJson.of(other));
        List<Conflict> conflicts = new ArrayList<>();
        for (String field : union(mine, theirs)) {
            String value = mine.getOrDefault(field, "");
            String otherValue = theirs.getOrDefault(field, "");
            if (!fold(value).equals(fold(otherValue))) {
                conflicts.add(new Conflict(primary.reportId(), field, value, primary.source().url(), otherValue,
                        other.source().url()));
            }
        }
        return conflicts;
    }

    private static List<String> union(Map<String, String> first, Map<String, String> second) {
        List<String> fields = new ArrayList<>(first.keySet());
        second.keySet().stream().filter(f -> !first.containsKey(f)).forEach(fields::add);
        return fields;
    }

    /** Leaf values by path, in document order: {@code questions[2].areas_for_improvement[1]}. */
    private static Map<String, String> flatten(Map<String, Object> json) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", json, leaves);
        return leaves;
    }

    private static void flatten(String path, Object value, Map<String, String> leaves) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                if (!NOT_COMPARED.contains((String) key)) {
                    flatten(path.isEmpty() ? (String) key : path + "." + key, child, leaves);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + (i + 1) + "]", list.get(i), leaves);
            }
        } else {
            leaves.put(path, Objects.toString(value, ""));
        }
    }

    private static String fold(String text) {
        return org.peelharvest.model.Folding.spaces(text);
    }
}
