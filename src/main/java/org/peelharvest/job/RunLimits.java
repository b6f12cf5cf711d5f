package org.peelharvest.job;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The numeric settings of a run that come as Spring properties ({@code -D} in {@code PEEL_JAVA_OPTS}
 * or the environment), checked against what can work before any work (issue 17: a value past its
 * bound is bad usage, exit 2, one line naming it). The bounds are what a 512 MB heap and a
 * scheduler can keep; application.yaml holds the defaults, all inside them.
 */
final class RunLimits {

    private RunLimits() {
    }

    /** One setting: its name, how to read it, its bounds as written for people. */
    private record Bound<T extends Comparable<T>>(String name, Function<String, T> parse, T least, T most,
                                                   String leastText, String mostText) {

        Optional<String> problem(String value) {
            T parsed;
            try {
                parsed = parse.apply(value.strip());
            } catch (RuntimeException e) {
                return Optional.of(name + " must be between " + leastText + " and " + mostText + ", not '" + value + "'");
            }
            return parsed.compareTo(least) < 0 || parsed.compareTo(most) > 0
                    ? Optional.of(name + " must be between " + leastText + " and " + mostText + ", not " + value.strip())
                    : Optional.empty();
        }
    }

    private static final List<Bound<?>> BOUNDS = List.of(
            new Bound<>("peel.threads", Integer::valueOf, 0, 256, "0 (one a core)", "256"),
            new Bound<>("peel.chunk-size", Integer::valueOf, 1, 10_000, "1", "10000"),
            new Bound<>("peel.limits.max-document-size", DataSize::parse, DataSize.ofBytes(1), DataSize.ofMegabytes(1024),
                    "1B", "1024MB"),
            new Bound<>("peel.limits.document-timeout", DurationStyle::detectAndParse, Duration.ofMillis(100),
                    Duration.ofHours(1), "100ms", "1h"),
            // 0B: no extraction cache; the bound is the disk a work area beside an archive may take.
            new Bound<>(ExtractionCache.MAX_SIZE_SETTING, DataSize::parse, DataSize.ofBytes(0), DataSize.ofGigabytes(100),
                    "0B", "100GB"),
            // 0s: a progress line at every document.
            new Bound<>("peel.progress-interval", DurationStyle::detectAndParse, Duration.ZERO,
                    Duration.ofHours(24), "0s", "24h"));

    /**
     * The first of these settings that cannot work, as one line; empty when all can. A value comes
     * from {@code overrides}, else a system property, else the environment (Spring's relaxed name:
     * {@code PEEL_LIMITS_DOCUMENT_TIMEOUT}).
     */
    static Optional<String> problem(Map<String, Object> overrides) {
        for (Bound<?> bound : BOUNDS) {
            Optional<String> value = valueOf(bound.name(), overrides);
            if (value.isPresent()) {
                Optional<String> problem = bound.problem(value.get());
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> valueOf(String name, Map<String, Object> overrides) {
        if (overrides.containsKey(name)) {
            return Optional.of(String.valueOf(overrides.get(name)));
        }
        return Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'))));
    }
}
