package org.peelharvest.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The part of PEEL a report covers; {@code INTEGRATED} is the single report from 2021/22 on. */
public enum Pillar {
    EFFECTIVENESS, EFFICIENCY, LEGITIMACY, LEADERSHIP, INTEGRATED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The pillar named by {@code word} ("Effectiveness", "efficiency" …), ignoring case. */
    public static Optional<Pillar> fromName(String word) {
        String wanted = word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.label().equals(wanted)).findFirst();
    }
}
