package org.peelharvest.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static Map<String, String> read(Path file, List<String> problems) throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = LINE.matcher(lines.get(i));
            if (line.matches()) {
                listed.put(line.group(2), line.group(1));
            } else {
                problems.add(FILE + ": line " + (i + 1) + " is not '<sha256>  <path>'");
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
