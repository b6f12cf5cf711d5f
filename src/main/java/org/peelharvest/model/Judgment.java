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

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

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

    /**
     * The grade's place on its cycle's scale, 0 for Inadequate up to 3 (four-point scale) or 4
     * (five-point scale) for Outstanding; null for Ungraded and Not graded, which are on no scale.
     * Ranks compare grades within one scale only: the inspectorate says grades of different
     * cycles are not comparable.
     */
    public Integer rank(Cycle cycle) {
        return switch (this) {
            case INADEQUATE -> 0;
            case REQUIRES_IMPROVEMENT -> 1;
            case ADEQUATE -> 2;
            case GOOD -> cycle.hasFivePointScale() ? 3 : 2;
            case OUTSTANDING -> cycle.hasFivePointScale() ? 4 : 3;
            case UNGRADED, NOT_GRADED -> null;
        };
    }

    /** The judgment whose label is {@code text}, ignoring case and surrounding space. */
    public static Optional<Judgment> fromLabel(String text) {
        String wanted = SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(j -> j.label.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
