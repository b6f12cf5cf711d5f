package org.peelharvest.model;

import java.util.List;

/**
 * One of the 43 territorial police forces of England and Wales.
 *
 * @param slug      as in the inspectorate's URLs ({@code avon-and-somerset})
 * @param name      the official name ({@code Avon and Somerset Constabulary})
 * @param shortName as in report titles ({@code Avon and Somerset PEEL 2018})
 * @param aliases   other names seen for the same force (former names, ampersands)
 */
public record Force(String slug, String name, String shortName, List<String> aliases) {

    public Force {
        if (!slug.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("bad force slug: " + slug);
        }
        aliases = List.copyOf(aliases);
    }

    Force(String slug, String name, String shortName) {
        this(slug, name, shortName, List.of());
    }
}
