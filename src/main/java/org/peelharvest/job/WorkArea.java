package org.peelharvest.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.peelharvest.publish.StagingArea;
import org.peelharvest.publish.WriteFailure;

/**
 * The work area of an output, {@code work/} in its {@link StateFolder}: the definitions its runs
 * started with ({@code job-<sha256>.json}) and one staging area per job instance (a folder named by
 * the instance's id), kept until the run is recorded complete so that a restart finds them.
 */
record WorkArea(Path output) {

    Path root() {
        return new StateFolder(output).work();
    }

    /** Where the definition of that digest is kept. */
    Path definitionFile(String digest) {
        return root().resolve("job-" + digest + ".json");
    }

    /** Keeps a definition under its digest, whole or not at all; written before every start and restart. */
    void save(String digest, byte[] json) throws IOException {
        Path file = definitionFile(digest);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, json);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /** Deletes a definition once no run needs it: its run completed. */
    void deleteDefinition(String digest) throws IOException {
        if (digest != null) {
            Files.deleteIfExists(definitionFile(digest));
        }
    }

    /** Where a job instance keeps its staged outcomes across restarts. */
    StagingArea stagingArea(long jobInstanceId) {
        return new StagingArea(root().resolve(Long.toString(jobInstanceId)));
    }

    /**
     * A job repository that knows no run at all is new (the default one is made per output, or it
     * was deleted), so the staging areas here belong to runs it can never resume; left, one would be
     * taken for the staged work of the new instance that is given its number.
     */
    void discardOrphans(PrintStream out) throws IOException {
        Path work = root();
        if (!Files.isDirectory(work)) {
            return;
        }
        List<Path> areas;
        try (Stream<Path> entries = Files.list(work)) {
            // The staging areas are folders; the definitions (job-<sha256>.json) stay.
            areas = entries.filter(Files::isDirectory).toList();
        }
        if (!areas.isEmpty()) {
            out.println("the job repository knows no earlier run: discarding the work areas in " + work);
            for (Path area : areas) {
                new StagingArea(area).delete();
            }
        }
    }
}
