package org.peelharvest.harvest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** When to try a request again: which answers are worth it, and how long to wait first. */
final class Retries {

    private Retries() {
    }

    /** 429 and the 5xx answers but 501 (not implemented: asking again will not help). */
    static boolean retryable(int status) {
        return status == 429 || status >= 500 && status != 501;
    }

    /** 1, 2, 4, 8 … times the first backoff, capped, with up to half of it taken off at random (jitter). */
    static Duration backoff(HarvestSettings settings, int attempt) {
        long base = Math.min(settings.maxBackoff().toMillis(), settings.firstBackoff().toMillis() << Math.min(20, attempt - 1));
        return Duration.ofMillis(base - ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110, 10.2.3). */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.strip().matches("\\d+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO
                    : Duration.between(Instant.now(), at));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
