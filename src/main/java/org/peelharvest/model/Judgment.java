package org.peelharvest.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed list of grades the inspectorate publishes, plus the two non-grades.
 * Labels are written exactly as in the datasets.
 */
public enum Judgment {
    OUTSTANDING("Outstanding"),
    GOOD("Good"),
    ADEQUATE("Adequate"),
    REQUIRES_IMPROVEMENT("Requires improvement"),
    INADEQUATE("Inadequate"),
    UNGRADED("Ungraded"),
    NOT_GRADED("Not graded");

    private final String label;

    Judgment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the grades on a scale, false for Ungraded and Not graded. */
    public boolean isGrade() {
        return this != UNGRADED && this != NOT_GRADED;
    }

    /** The judgment whose label is {@code text}, ignoring case and surrounding space. */
    public static Optional<Judgment> fromLabel(String text) {
        String wanted = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(j -> j.label.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
