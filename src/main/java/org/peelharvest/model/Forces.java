package org.peelharvest.model;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reference table of the 43 territorial police forces of England and Wales that PEEL
 * inspects. A force name that is not here is an error, never a new spelling.
 * Slugs follow the inspectorate's URLs ({@code /peel-assessments/peel-2016/<slug>/}).
 */
public final class Forces {

    public static final List<Force> ALL = List.of(
            new Force("avon-and-somerset", "Avon and Somerset Constabulary", "Avon and Somerset"),
            new Force("bedfordshire", "Bedfordshire Police", "Bedfordshire"),
            new Force("cambridgeshire", "Cambridgeshire Constabulary", "Cambridgeshire"),
            new Force("cheshire", "Cheshire Constabulary", "Cheshire"),
            new Force("city-of-london", "City of London Police", "City of London"),
            new Force("cleveland", "Cleveland Police", "Cleveland"),
            new Force("cumbria", "Cumbria Constabulary", "Cumbria"),
            new Force("derbyshire", "Derbyshire Constabulary", "Derbyshire"),
            new Force("devon-and-cornwall", "Devon and Cornwall Police", "Devon and Cornwall"),
            new Force("dorset", "Dorset Police", "Dorset"),
            new Force("durham", "Durham Constabulary", "Durham"),
            new Force("dyfed-powys", "Dyfed-Powys Police", "Dyfed-Powys"),
            new Force("essex", "Essex Police", "Essex"),
            new Force("gloucestershire", "Gloucestershire Constabulary", "Gloucestershire"),
            new Force("greater-manchester", "Greater Manchester Police", "Greater Manchester"),
            new Force("gwent", "Gwent Police", "Gwent"),
            // Renamed in 2022; earlier reports say "Hampshire Constabulary".
            new Force("hampshire", "Hampshire and Isle of Wight Constabulary", "Hampshire",
                    List.of("Hampshire Constabulary", "Hampshire and Isle of Wight")),
            new Force("hertfordshire", "Hertfordshire Constabulary", "Hertfordshire"),
            new Force("humberside", "Humberside Police", "Humberside"),
            new Force("kent", "Kent Police", "Kent"),
            new Force("lancashire", "Lancashire Constabulary", "Lancashire"),
            new Force("leicestershire", "Leicestershire Police", "Leicestershire"),
            new Force("lincolnshire", "Lincolnshire Police", "Lincolnshire"),
            new Force("merseyside", "Merseyside Police", "Merseyside"),
            new Force("metropolitan", "Metropolitan Police Service", "Metropolitan",
                    List.of("Metropolitan Police", "The Metropolitan Police Service")),
            new Force("norfolk", "Norfolk Constabulary", "Norfolk"),
            new Force("north-wales", "North Wales Police", "North Wales"),
            new Force("north-yorkshire", "North Yorkshire Police", "North Yorkshire"),
            new Force("northamptonshire", "Northamptonshire Police", "Northamptonshire"),
            new Force("northumbria", "Northumbria Police", "Northumbria"),
            new Force("nottinghamshire", "Nottinghamshire Police", "Nottinghamshire"),
            new Force("south-wales", "South Wales Police", "South Wales"),
            new Force("south-yorkshire", "South Yorkshire Police", "South Yorkshire"),
            new Force("staffordshire", "Staffordshire Police", "Staffordshire"),
            new Force("suffolk", "Suffolk Constabulary", "Suffolk"),
            new Force("surrey", "Surrey Police", "Surrey"),
            new Force("sussex", "Sussex Police", "Sussex"),
            new Force("thames-valley", "Thames Valley Police", "Thames Valley"),
            new Force("warwickshire", "Warwickshire Police", "Warwickshire"),
            new Force("west-mercia", "West Mercia Police", "West Mercia"),
            new Force("west-midlands", "West Midlands Police", "West Midlands"),
            new Force("west-yorkshire", "West Yorkshire Police", "West Yorkshire"),
            new Force("wiltshire", "Wiltshire Police", "Wiltshire"));

    private static final Map<String, Force> BY_KEY = index();

    private Forces() {
    }

    /** The force a title or sentence names: short name, official name, slug or alias. */
    public static Optional<Force> find(String name) {
        return Optional.ofNullable(BY_KEY.get(key(name)));
    }

    public static Optional<Force> bySlug(String slug) {
        return ALL.stream().filter(f -> f.slug().equals(slug)).findFirst();
    }

    /** Every way the table spells a force, for matching the start of a sentence. */
    public static List<String> spellings(Force force) {
        var names = new java.util.ArrayList<String>(List.of(force.name(), force.shortName()));
        names.addAll(force.aliases());
        return names;
    }

    private static Map<String, Force> index() {
        Map<String, Force> byKey = new HashMap<>();
        for (Force force : ALL) {
            byKey.put(key(force.slug()), force);
            spellings(force).forEach(name -> byKey.put(key(name), force));
        }
        return Map.copyOf(byKey);
    }

    /** Folds case, accents, ampersands, dashes and spacing so that spellings compare equal. */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("[\\p{Pd}_]", " ")
                .replaceAll("[^a-z ]", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
