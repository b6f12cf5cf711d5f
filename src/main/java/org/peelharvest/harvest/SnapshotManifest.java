package org.peelharvest.harvest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.peelharvest.model.SourceDocument;

/**
 * A snapshot's {@code manifest-sha256.txt}: the SHA-256 of every other file of its folder, in name
 * order, as {@code sha256sum} prints it. Written last: a folder with its manifest is a complete
 * snapshot, one without it an interrupted harvest.
 */
final class SnapshotManifest {

    private SnapshotManifest() {
    }

    static void write(Path folder) throws IOException {
        StringBuilder manifest = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(Snapshot.MANIFEST)).sorted().toList()) {
                manifest.append(SourceDocument.sha256(file)).append("  ")
                        .append(file.getFileName()).append('\n');
            }
        }
        Files.writeString(folder.resolve(Snapshot.MANIFEST), manifest);
    }
}
