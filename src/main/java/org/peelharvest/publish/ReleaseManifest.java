package org.peelharvest.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.peelharvest.model.SourceDocument;

/**
 * {@code manifest-sha256.txt}: the SHA-256 of every other file of a release, {@code run.json} and
 * {@code datapackage.json} included, one line a file in the form GNU {@code sha256sum} writes and
 * {@code sha256sum -c} reads (64 lower-case hex digits, two spaces, the path relative to the
 * release with {@code /} between folders), sorted by path. It is written last, so a release that
 * has it is whole, and an edit of any file, the descriptor included, no longer matches it.
 */
public final class ReleaseManifest {

    public static final String FILE = "manifest-sha256.txt";
    /** Two spaces: sha256sum's text mode, the form {@code sha256sum -c} reads. */
    /** A manifest of a release lists a dozen files; one of a megabyte is not a release's. */
    private static final long MAX_LISTED_BYTES = 1024 * 1024;
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (\\S.*)");

    private ReleaseManifest() {
    }

    /** Writes the manifest of every file now in {@code release} and flushes it to disk. */
    static void write(Path release) throws IOException {
        StringBuilder manifest = new StringBuilder();
        for (String path : filesOf(release)) {
            String digest = SourceDocument.sha256(release.resolve(path));
            manifest.append(digest).append("  ").append(path).append('\n');
        }
        Path file = release.resolve(FILE);
        WriteFailure.writeString(file, manifest);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Each file that is missing, changed, or not in the manifest, one line each; empty when all match. */
    public static List<String> problems(Path release) throws IOException {
        Path file = release.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of(FILE + ": missing, so the release's files cannot be checked");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> listed = read(file, problems);
        for (Map.Entry<String, String> entry : listed.entrySet()) {
            Path listedFile = release.resolve(entry.getKey()).normalize();
            if (!listedFile.startsWith(release.normalize()) || !Files.isRegularFile(listedFile)) {
                problems.add(entry.getKey() + ": listed in " + FILE + " but missing");
            } else if (!SourceDocument.sha256(listedFile).equals(entry.getValue())) {
                problems.add(entry.getKey() + ": SHA-256 differs from " + FILE + " (the file was changed after publishing)");
            }
        }
        for (String path : filesOf(release)) {
            if (!listed.containsKey(path)) {
                problems.add(path + ": not listed in " + FILE + " (added after publishing)");
            }
        }
        return problems;
    }

    /**
     * The files a release's manifest lists, the manifest included: how a release published before
     * {@link OutputMarker} is known. Empty when there is no manifest, or it is not one.
     */
    static Optional<Set<String>> listedFiles(Path release) throws IOException {
        Path file = release.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_LISTED_BYTES) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> listed = read(file, problems);
        if (!problems.isEmpty() || listed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> files = new HashSet<>(listed.keySet());
        files.add(FILE);
        return Optional.of(files);
    }

    /** The manifest's lines, each and their number within {@link ReadLimits}: the rest is a problem, not read. */
    private static Map<String, String> read(Path file, List<String> problems) throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        try (ReadLimits.Lines lines = new ReadLimits.Lines(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                ReadLimits.MAX_MANIFEST_LINE_CHARS)) {
            for (ReadLimits.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.number() > ReadLimits.MAX_MANIFEST_LINES) {
                    problems.add(FILE + ": more than " + ReadLimits.MAX_MANIFEST_LINES + " lines; the rest is not read");
                    break;
                }
                Matcher matched = line.tooLong() ? null : LINE.matcher(line.text());
                if (matched != null && matched.matches()) {
                    listed.put(matched.group(2), matched.group(1));
                } else {
                    problems.add(line.tooLong()
                            ? ReadLimits.tooLong(FILE, line.number(), "the line is", ReadLimits.MAX_MANIFEST_LINE_CHARS)
                            : FILE + ": line " + line.number() + " is not '<sha256>  <path>'");
                }
            }
        }
        return listed;
    }

    /** Every regular file under {@code release} but the manifest, as {@code /}-separated relative paths, sorted. */
    static List<String> filesOf(Path release) throws IOException {
        // The real path: a release is often named through its output's "latest" link, which a walk does not enter.
        Path root = release.toRealPath();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace(root.getFileSystem().getSeparator(), "/"))
                    .filter(path -> !path.equals(FILE))
                    .sorted()
                    .toList();
        }
    }
}
