package org.peelharvest.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where peel-harvest keeps what it needs between runs of one output, in one hidden folder beside
 * it, {@code .<output>.peel-harvest/}, so that nothing else appears beside the output the user
 * named: the {@link #lock() lock} that keeps a second run out, the default
 * {@link #repository() job repository} that makes runs resumable, the {@link #work() work area}
 * of a run not yet complete, and, for {@code extract} (whose output is replaced whole), the
 * {@link #runs() run records}, and the {@link #cache() extraction cache}. Deleting it forgets every
 * run of the output and what its documents gave; the output itself is untouched.
 */
public record StateFolder(Path output) {

    /** What the folder is named after: the output's own name. */
    public static final String SUFFIX = ".peel-harvest";

    public Path root() {
        return output.resolveSibling("." + output.getFileName() + SUFFIX);
    }

    Path lock() {
        return root().resolve("lock");
    }

    public Path repository() {
        return root().resolve("job-repository");
    }

    Path work() {
        return root().resolve("work");
    }

    /** What documents already gave, so that a run again on unchanged inputs parses none of them again. */
    Path cache() {
        return root().resolve("cache");
    }

    Path runs() {
        return root().resolve("runs");
    }

    /**
     * Moves the state an earlier version kept beside the output, each under a name only it wrote
     * ({@code .<output>.job-repository/}, {@code .<output>.work/}, {@code <output>.runs/}), into
     * this folder, so that a run stopped before the upgrade still resumes; and removes the old
     * {@code .<output>.lock}. Done only while this folder does not exist, and not while an earlier
     * version's run holds that lock.
     *
     * @return what was moved, for one line of the run's output; empty when nothing was
     */
    List<Path> adoptEarlierLayout() throws IOException {
        if (Files.exists(root(), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        String name = output.getFileName().toString();
        Path oldLock = output.resolveSibling("." + name + ".lock");
        boolean oldLockFile = Files.isRegularFile(oldLock, LinkOption.NOFOLLOW_LINKS);
        if (oldLockFile && !unheld(oldLock)) {
            return List.of(); // an earlier version's run is writing the output: its state is its own
        }
        Map<Path, Path> earlier = Map.of(output.resolveSibling("." + name + ".job-repository"), repository(),
                output.resolveSibling("." + name + ".work"), work(), output.resolveSibling(name + ".runs"), runs());
        List<Path> moved = new ArrayList<>();
        for (Map.Entry<Path, Path> state : earlier.entrySet()) {
            if (Files.isDirectory(state.getKey(), LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(root());
                Files.move(state.getKey(), state.getValue());
                moved.add(state.getKey());
            }
        }
        if (oldLockFile) {
            Files.delete(oldLock);
            moved.add(oldLock);
        }
        return moved;
    }

    /** Whether no process holds the lock of {@code file} (an earlier version's run would). */
    private static boolean unheld(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
            }
            return lock != null;
        } catch (java.nio.channels.OverlappingFileLockException heldInThisProcess) {
            return false;
        }
    }
}
