package org.peelharvest.model;

import java.util.List;

/**
 * A cause of concern and the recommendations that go with it ("a cause of concern will always be
 * accompanied by one or more recommendations", HMICFRS, PEEL 2021/22 onwards).
 */
public record CauseOfConcern(Finding cause, List<Finding> recommendations) {

    public CauseOfConcern {
        recommendations = List.copyOf(recommendations);
    }
}
