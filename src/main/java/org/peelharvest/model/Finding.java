package org.peelharvest.model;

/** One published finding (an area for improvement, a cause of concern, a recommendation) and where it was read. */
public record Finding(String text, Location location) {

    public Finding {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a finding has text");
        }
    }
}
