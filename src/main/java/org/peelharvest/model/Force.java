package org.peelharvest.model;

import java.util.List;

/**
 * One of the 43 territorial police forces of England and Wales.
 *
 * @param slug      as in the inspectorate's URLs ({@code avon-and-somerset})
 * @param name      the official name ({@code Avon and Somerset Constabulary})
 * @param shortName as in report titles ({@code Avon and Somerset PEEL 2018})
 * @param onsCode   the ONS police force area code ({@code E23000036}; {@code W15…} in Wales)
 * @param region    the ONS region of England the force serves, or {@code Wales}
 * @param aliases   other names seen for the same force (former names, ampersands)
 */
public record Force(String slug, String name, String shortName, String onsCode, String region,
                    List<String> aliases) {

    public Force {
        if (!slug.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("bad force slug: " + slug);
        }
        if (!onsCode.matches("(E23|W15)\\d{6}")) {
            throw new IllegalArgumentException("bad ONS police force area code: " + onsCode);
        }
        aliases = List.copyOf(aliases);
    }

    Force(String slug, String name, String shortName, String onsCode, String region) {
        this(slug, name, shortName, onsCode, region, List.of());
    }

    /**
     * Equal as a record is, every component alike; hashed by its slug, one force a slug. Written out
     * rather than the record's own, made of method handles spun into classes at first use (issue 18).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Force force && slug.equals(force.slug) && java.util.Objects.equals(name, force.name)
                && java.util.Objects.equals(shortName, force.shortName) && onsCode.equals(force.onsCode)
                && java.util.Objects.equals(region, force.region) && aliases.equals(force.aliases);
    }

    @Override
    public int hashCode() {
        return slug.hashCode();
    }

    /** England or Wales, from the code. */
    public String country() {
        return onsCode.startsWith("W") ? "Wales" : "England";
    }
}
