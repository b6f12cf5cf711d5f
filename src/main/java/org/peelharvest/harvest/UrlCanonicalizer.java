package org.peelharvest.harvest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * One spelling for every address of a page, so that a page reached by several is fetched once.
 * The inspectorate's site has been served from three host/path forms
 * ({@code http://www.justiceinspectorates.gov.uk/hmic/…}, {@code https://www.justiceinspectorates.gov.uk/hmicfrs/…},
 * {@code https://hmicfrs.justiceinspectorates.gov.uk/…}); all become the current one. Links are
 * also seen with {@code ///}, a trailing {@code ?}, no trailing slash on a page, and {@code http}.
 * Fragments are dropped; queries are kept (the index pages' views differ by query) but an empty
 * one is not. Addresses of other hosts are only tidied (scheme and host lower-cased, fragment off).
 * Dot segments are removed (RFC 3986, 5.2.4), after percent-encoded dots are decoded (6.2.2.2), so
 * that {@code /site/../outside/} and {@code /site/%2e%2e/outside/} are {@code /outside/}. A
 * character outside ASCII is percent-encoded as UTF-8 ({@code /café/} is {@code /caf%C3%A9/}), as
 * browsers request it (the request line of HTTP is ASCII).
 */
public final class UrlCanonicalizer {

    private static final String SITE = "justiceinspectorates.gov.uk";
    private static final String CURRENT_HOST = "hmicfrs." + SITE;
    private static final java.util.regex.Pattern DOT = java.util.regex.Pattern.compile("%2[eE]");
    private static final java.util.regex.Pattern SLASH = java.util.regex.Pattern.compile("%2[fF]|%5[cC]");

    private UrlCanonicalizer() {
    }

    /** The canonical form, or empty for what is no web page address ({@code mailto:}, {@code javascript:}, junk). */
    public static Optional<String> canonical(String address) {
        URI uri;
        try {
            // Characters outside ASCII are sent as a browser sends them: UTF-8, percent-encoded.
            uri = URI.create(new URI(address.strip().replace(" ", "%20")).toASCIIString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getPort() > 65535) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        path = removeDotSegments(DOT.matcher(path).replaceAll(".").replaceAll("/{2,}", "/"));
        if (host.equals(SITE) || host.equals("www." + SITE) || host.equals(CURRENT_HOST)) {
            // The current host serves what the old ones served under /hmicfrs and /hmic.
            path = path.replaceFirst("^/(hmicfrs|hmic)(?=/|$)", "");
            host = CURRENT_HOST;
            scheme = "https";
        }
        if (path.isEmpty()) {
            path = "/";
        }
        if (!path.endsWith("/") && !lastSegment(path).contains(".")) {
            path = path + "/";
        }
        String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? "" : "?" + uri.getRawQuery();
        String port = uri.getPort() < 0 || isDefaultPort(scheme, uri.getPort()) ? "" : ":" + uri.getPort();
        return Optional.of(scheme + "://" + host + port + path + query);
    }

    /** The canonical form of {@code href} as a link on the page at {@code base}. */
    public static Optional<String> resolve(String base, String href) {
        String link = href.strip();
        if (link.isEmpty() || link.startsWith("#") || link.toLowerCase(Locale.ROOT).startsWith("mailto:")
                || link.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
            return Optional.empty();
        }
        try {
            return canonical(new URI(base).resolve(link.replace(" ", "%20")).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The canonical URL as a lenient server may read it: encoded slashes and backslashes taken as
     * slashes and path parameters ({@code ..;/}) dropped before dot segments are resolved. The
     * harvest's prefix test asks this too, so that {@code /site/..%2foutside/} is not taken for a page
     * under {@code /site/} (issue 9).
     */
    public static String asServersMayRead(String canonicalUrl) {
        URI uri = URI.create(canonicalUrl);
        String path = SLASH.matcher(uri.getRawPath()).replaceAll("/").replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return uri.getScheme() + "://" + uri.getRawAuthority() + removeDotSegments(path) + query;
    }

    /** RFC 3986, 5.2.4, for an absolute path: {@code .} and {@code ..} segments resolved, never above the root. */
    static String removeDotSegments(String path) {
        StringBuilder output = new StringBuilder();
        String input = path;
        while (!input.isEmpty()) {
            if (input.startsWith("../") || input.startsWith("./")) {
                input = input.substring(input.indexOf('/') + 1);
            } else if (input.startsWith("/./") || input.equals("/.")) {
                input = "/" + input.substring(Math.min(3, input.length()));
            } else if (input.startsWith("/../") || input.equals("/..")) {
                input = "/" + input.substring(Math.min(4, input.length()));
                output.setLength(Math.max(0, output.lastIndexOf("/")));
            } else if (input.equals(".") || input.equals("..")) {
                input = "";
            } else {
                int end = input.indexOf('/', 1);
                end = end < 0 ? input.length() : end;
                output.append(input, 0, end);
                input = input.substring(end);
            }
        }
        return output.toString();
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    }
}
