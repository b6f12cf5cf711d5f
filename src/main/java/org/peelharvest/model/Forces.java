package org.peelharvest.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference table of the 43 territorial police forces of England and Wales that PEEL
 * inspects. A force name that is not here is an error, never a new spelling.
 * Slugs follow the inspectorate's URLs ({@code /peel-assessments/peel-2016/<slug>/}); codes are
 * the ONS police force area codes (Police Force Areas, December 2023, ONS Open Geography Portal);
 * regions are the ONS regions of England, and Wales.
 */
public final class Forces {

    public static final List<Force> ALL = List.of(
            new Force("avon-and-somerset", "Avon and Somerset Constabulary", "Avon and Somerset", "E23000036", "South West"),
            new Force("bedfordshire", "Bedfordshire Police", "Bedfordshire", "E23000026", "East of England"),
            new Force("cambridgeshire", "Cambridgeshire Constabulary", "Cambridgeshire", "E23000023", "East of England"),
            new Force("cheshire", "Cheshire Constabulary", "Cheshire", "E23000006", "North West"),
            new Force("city-of-london", "City of London Police", "City of London", "E23000034", "London"),
            new Force("cleveland", "Cleveland Police", "Cleveland", "E23000013", "North East"),
            new Force("cumbria", "Cumbria Constabulary", "Cumbria", "E23000002", "North West"),
            new Force("derbyshire", "Derbyshire Constabulary", "Derbyshire", "E23000018", "East Midlands"),
            new Force("devon-and-cornwall", "Devon and Cornwall Police", "Devon and Cornwall", "E23000035", "South West"),
            new Force("dorset", "Dorset Police", "Dorset", "E23000039", "South West"),
            new Force("durham", "Durham Constabulary", "Durham", "E23000008", "North East"),
            new Force("dyfed-powys", "Dyfed-Powys Police", "Dyfed-Powys", "W15000004", "Wales"),
            new Force("essex", "Essex Police", "Essex", "E23000028", "East of England"),
            new Force("gloucestershire", "Gloucestershire Constabulary", "Gloucestershire", "E23000037", "South West"),
            new Force("greater-manchester", "Greater Manchester Police", "Greater Manchester", "E23000005", "North West"),
            new Force("gwent", "Gwent Police", "Gwent", "W15000002", "Wales"),
            // Renamed in 2022; earlier reports say "Hampshire Constabulary".
            new Force("hampshire", "Hampshire and Isle of Wight Constabulary", "Hampshire", "E23000030", "South East",
                    List.of("Hampshire Constabulary", "Hampshire and Isle of Wight")),
            new Force("hertfordshire", "Hertfordshire Constabulary", "Hertfordshire", "E23000027", "East of England"),
            new Force("humberside", "Humberside Police", "Humberside", "E23000012", "Yorkshire and The Humber"),
            new Force("kent", "Kent Police", "Kent", "E23000032", "South East"),
            new Force("lancashire", "Lancashire Constabulary", "Lancashire", "E23000003", "North West"),
            new Force("leicestershire", "Leicestershire Police", "Leicestershire", "E23000021", "East Midlands"),
            new Force("lincolnshire", "Lincolnshire Police", "Lincolnshire", "E23000020", "East Midlands"),
            new Force("merseyside", "Merseyside Police", "Merseyside", "E23000004", "North West"),
            new Force("metropolitan", "Metropolitan Police Service", "Metropolitan", "E23000001", "London",
                    List.of("Metropolitan Police", "The Metropolitan Police Service")),
            new Force("norfolk", "Norfolk Constabulary", "Norfolk", "E23000024", "East of England"),
            new Force("north-wales", "North Wales Police", "North Wales", "W15000001", "Wales"),
            new Force("north-yorkshire", "North Yorkshire Police", "North Yorkshire", "E23000009", "Yorkshire and The Humber"),
            new Force("northamptonshire", "Northamptonshire Police", "Northamptonshire", "E23000022", "East Midlands"),
            new Force("northumbria", "Northumbria Police", "Northumbria", "E23000007", "North East"),
            new Force("nottinghamshire", "Nottinghamshire Police", "Nottinghamshire", "E23000019", "East Midlands"),
            new Force("south-wales", "South Wales Police", "South Wales", "W15000003", "Wales"),
            new Force("south-yorkshire", "South Yorkshire Police", "South Yorkshire", "E23000011", "Yorkshire and The Humber"),
            new Force("staffordshire", "Staffordshire Police", "Staffordshire", "E23000015", "West Midlands"),
            new Force("suffolk", "Suffolk Constabulary", "Suffolk", "E23000025", "East of England"),
            new Force("surrey", "Surrey Police", "Surrey", "E23000031", "South East"),
            new Force("sussex", "Sussex Police", "Sussex", "E23000033", "South East"),
            new Force("thames-valley", "Thames Valley Police", "Thames Valley", "E23000029", "South East"),
            new Force("warwickshire", "Warwickshire Police", "Warwickshire", "E23000017", "West Midlands"),
            new Force("west-mercia", "West Mercia Police", "West Mercia", "E23000016", "West Midlands"),
            new Force("west-midlands", "West Midlands Police", "West Midlands", "E23000014", "West Midlands"),
            new Force("west-yorkshire", "West Yorkshire Police", "West Yorkshire", "E23000010", "Yorkshire and The Humber"),
            new Force("wiltshire", "Wiltshire Police", "Wiltshire", "E23000038", "South West"));

    private static final Pattern DASHES = Pattern.compile("[\\p{Pd}_]");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z ]");
    private static final Map<String, Force> BY_KEY = index();
    /** The most words of any spelling in the table: a longer run of a text's words names no force. */
    private static final int LONGEST_SPELLING_WORDS = BY_KEY.keySet().stream()
            .mapToInt(spelling -> spelling.split(" ").length).max().orElse(1);

    private Forces() {
    }

    /** The force a title or sentence names: short name, official name, slug or alias. */
    public static Optional<Force> find(String name) {
        return Optional.ofNullable(BY_KEY.get(key(name)));
    }

    /**
     * The force a longer text names ("PEEL: Police legitimacy 2016 – Northamptonshire Police and
     * Crime Commissioner"): the longest spelling it contains as whole words, so that "North Wales"
     * wins over a shorter name inside it.
     */
    public static Optional<Force> findIn(String text) {
        String[] words = key(text).split(" ");
        Force best = null;
        int bestLength = 0;
        for (int start = 0; start < words.length; start++) {
            StringBuilder spelling = new StringBuilder();
            for (int end = start; end < words.length && end - start < LONGEST_SPELLING_WORDS; end++) {
                if (words[end].isEmpty()) {
                    break;
                }
                spelling.append(end == start ? "" : " ").append(words[end]);
                Force force = BY_KEY.get(spelling.toString());
                boolean longer = force != null && (spelling.length() > bestLength
                        || spelling.length() == bestLength && force.slug().compareTo(best.slug()) < 0);
                if (longer) {
                    best = force;
                    bestLength = spelling.length();
                }
            }
        }
        return Optional.ofNullable(best);
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
        return Folding.plain(name)
                .replace("&", " and ")
                .transform(text -> DASHES.matcher(text).replaceAll(" "))
                .transform(text -> NOT_A_LETTER.matcher(text).replaceAll(""))
                .transform(Folding::spaces);
    }
}
