package org.peelharvest.model;

import java.util.List;
import java.util.Optional;

/**
 * A PEEL inspection cycle, labelled as the inspectorate publishes it ({@code 2016}, {@code 2018/19},
 * {@code 2021/22}, {@code 2023-25}); {@code year} is its first year. Grades from different cycles
 * are not comparable, so every record carries its cycle.
 */
public record Cycle(String label, int year) {

    public static final List<Cycle> ALL = List.of(
            new Cycle("2014", 2014), new Cycle("2015", 2015), new Cycle("2016", 2016),
            new Cycle("2017", 2017), new Cycle("2018/19", 2018), new Cycle("2021/22", 2021),
            new Cycle("2023-25", 2023));

    public Cycle {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("cycle label is required");
        }
    }

    /** The cycle that starts in {@code year} (the site's URLs and titles name only the first year). */
    public static Optional<Cycle> startingIn(int year) {
        return ALL.stream().filter(c -> c.year == year).findFirst();
    }

    /** True for the cycles published as one integrated report a force (2021/22 on), not a report a pillar. */
    public boolean isIntegrated() {
        return year >= 2021;
    }

    /** True for the cycles graded on the five-point scale that includes Adequate (introduced with the integrated reports). */
    public boolean hasFivePointScale() {
        return isIntegrated();
    }

    /** The grade scale of the cycle: {@code four-point} (2014 to 2018/19) or {@code five-point} (2021/22 on). */
    public String scale() {
        return hasFivePointScale() ? "five-point" : "four-point";
    }
}
