package org.peelharvest.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mark peel-harvest leaves in every folder it publishes, {@code .peel-harvest}, so that it never
 * replaces or deletes what it did not write. In a release (and in an {@code extract} output, which
 * is one release) the marker lists every file of the release; replacing that folder deletes only
 * the files listed. In a folder of releases it says that the folder holds releases; nothing in it is
 * ever deleted but the {@code latest} link, which is replaced.
 *
 * <p>Releases published before the marker are known by their {@code manifest-sha256.txt}, which
 * lists every other file of the release in the same way.
 */
public final class OutputMarker {

    public static final String FILE = ".peel-harvest";
    private static final String RELEASE_LINE = "# peel-harvest wrote this folder; it replaces or deletes only the files listed here.";
    private static final String RELEASES_LINE = "# peel-harvest publishes releases into this folder; it never changes or deletes one.";
    /** A marker is a few hundred bytes; a larger file of the name is not the project's. */
    private static final long MAX_BYTES = 64 * 1024;
    /** How releases are named ({@code 20261130T091500Z}, the second of a second {@code 20261130T091500Z-2}). */
    private static final Pattern RELEASE_NAME = Pattern.compile("\\d{8}T\\d{6}Z(-\\d+)?");

    private OutputMarker() {
    }

    /** Marks a release folder, listing its files ({@code /}-separated, relative), the marker included. */
    static void writeRelease(Path folder, List<String> files) throws IOException {
        Set<String> listed = new LinkedHashSet<>(files);
        listed.add(FILE);
        Files.writeString(folder.resolve(FILE), RELEASE_LINE + "\n" + String.join("\n", listed) + "\n",
                StandardCharsets.UTF_8);
    }

    /** Marks a folder of releases, once. */
    static void writeReleases(Path root) throws IOException {
        if (!Files.isRegularFile(root.resolve(FILE))) {
            Files.writeString(root.resolve(FILE), RELEASES_LINE + "\n", StandardCharsets.UTF_8);
        }
    }

    /**
     * The first entry of {@code folder} that peel-harvest did not write, as a path relative to it;
     * empty when the folder does not exist, is empty, or is wholly the project's.
     *
     * @param releases whether the folder holds releases ({@code run}), rather than being one
     *                 ({@code extract}, which replaces it)
     */
    public static Optional<String> foreignEntry(Path folder, boolean releases) throws IOException {
        if (!Files.isDirectory(folder) || isEmpty(folder)) {
            return Optional.empty();
        }
        return releases ? foreignInReleases(folder) : foreignInRelease(folder);
    }

    /** A release folder: every file listed by its marker (or, before markers, its manifest). */
    private static Optional<String> foreignInRelease(Path folder) throws IOException {
        Optional<Set<String>> listed = listedFiles(folder);
        if (listed.isEmpty()) {
            // Any entry will do, and the folder may be a home directory: its own entries only, never a
            // walk through it; a file where there is one, since a folder's name says less of what would be lost.
            List<Path> entries = entries(folder);
            return entries.stream().filter(e -> !Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)).findFirst()
                    .or(() -> entries.stream().findFirst()).map(e -> e.getFileName().toString());
        }
        for (String file : filesUnder(folder)) {
            if (!listed.get().contains(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /**
     * A folder of releases: marked, or (before markers) holding only releases, the {@code latest}
     * link, the run records and the project's own hidden folders.
     */
    private static Optional<String> foreignInReleases(Path root) throws IOException {
        Path latest = root.resolve("latest");
        if (Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(latest)) {
            return Optional.of("latest");
        }
        if (marker(root).filter(RELEASES_LINE::equals).isPresent()) {
            return Optional.empty();
        }
        for (Path entry : entries(root)) {
            String name = entry.getFileName().toString();
            boolean ours = name.equals("latest") && Files.isSymbolicLink(entry)
                    || name.equals("runs") && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                    || name.startsWith(".") && (name.endsWith(".publishing") || name.endsWith(".previous"))
                    || name.equals(".latest.new")
                    || RELEASE_NAME.matcher(name).matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                    && listedFiles(entry).isPresent();
            if (!ours) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes the files of a folder the project wrote (a release being replaced, or the staging of an
     * interrupted publish) that its marker lists, or, unmarked, that every release holds; then each
     * folder left empty. Anything else stays.
     *
     * @param releaseFiles the files every release holds, for a folder with neither marker nor manifest
     * @return the paths left, relative to the folder; empty when the folder is gone
     */
    static List<String> deleteListed(Path folder, List<String> releaseFiles) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Set<String> listed = listedFiles(folder).orElseGet(() -> Set.copyOf(releaseFiles));
        List<String> left = new ArrayList<>();
        for (String file : filesUnder(folder)) {
            if (listed.contains(file)) {
                Files.delete(folder.resolve(file));
            } else {
                left.add(file);
            }
        }
        deleteEmptyFolders(folder);
        return left;
    }

    private static void deleteEmptyFolders(Path folder) throws IOException {
        List<Path> folders;
        try (Stream<Path> paths = Files.walk(folder)) {
            folders = paths.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.reverseOrder()).toList();
        }
        for (Path each : folders) {
            if (isEmpty(each)) {
                Files.delete(each);
            }
        }
    }

    /** The files the marker lists, or the manifest of a release published before markers; empty when neither is there. */
    private static Optional<Set<String>> listedFiles(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= MAX_BYTES) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).equals(RELEASE_LINE)) {
                return Optional.of(Set.copyOf(lines.subList(1, lines.size())));
            }
            return Optional.empty();
        }
        return ReleaseManifest.listedFiles(folder);
    }

    private static Optional<String> marker(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
            return Optional.empty();
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.ofNullable(reader.readLine());
        }
    }

    /**
     * Every entry under {@code folder} that is not a folder (files, links, anything else), as
     * {@code /}-separated relative paths, sorted; links are not followed.
     */
    private static List<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> folder.relativize(p).toString().replace(folder.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
