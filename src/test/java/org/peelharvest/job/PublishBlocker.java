package org.peelharvest.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the publish step of an {@code extract} fail after its documents were read, as a fault a
 * user can cause and then clear: a file of the user's in the staging folder beside the output, which
 * publishing never deletes ({@code …/.out.publishing holds notes.txt, which peel-harvest did not
 * write; move it, then run again}). Deleting the returned file lets the next run resume.
 */
final class PublishBlocker {

    /** What the failed run's message names. */
    static final String NAMED = "holds notes.txt, which peel-harvest did not write";

    private PublishBlocker() {
    }

    static Path block(Path output) throws IOException {
        Path staging = output.resolveSibling("." + output.getFileName() + ".publishing");
        return Files.writeString(Files.createDirectories(staging).resolve("notes.txt"), "mine");
    }
}
