package org.peelharvest.job;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Only one run at a time may write an output folder. Holding this lock also proves that a run
 * the job repository still shows as running is in fact dead (killed, crashed), so it can be
 * recovered and restarted. The operating system releases the lock when the process dies.
 * The lock file names the holder (process id, host, start), so that a refused run can say who
 * holds it; a killed holder leaves its name behind, which the next holder overwrites.
 */
final class OutputLock implements AutoCloseable {

    /** Another run, in this process or another, holds the lock of the output. */
    static final class HeldException extends IllegalStateException {
        HeldException(Path output, String holder, Path file) {
            super("another run is writing " + output + ": " + holder + " (lock " + file + ")");
        }
    }

    private static final int READ_ATTEMPTS = 20;

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock acquire(Path output) throws IOException {
        Path file = fileOf(output);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            throw new HeldException(output, holderOf(file), file);
        }
        writeHolder(channel);
        return new OutputLock(channel, lock);
    }

    static Path fileOf(Path output) {
        return new StateFolder(output).lock();
    }

    /** Null when held: by another process, or (an exception in Java, not null) by this one. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        String holder = "process " + ProcessHandle.current().pid() + " on " + hostName() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /**
     * Whether the lock of {@code output} is held by a process that is alive: its holder's line names
     * a process of this host that is still running, or a process on another host (which cannot be
     * asked). A lock file whose holder has ended is what a finished or killed run leaves.
     */
    static boolean heldByALiveProcess(Path output) {
        try {
            java.util.regex.Matcher holder = java.util.regex.Pattern.compile("^process (\\d+) on ([^,]*),")
                    .matcher(Files.readString(fileOf(output), StandardCharsets.UTF_8));
            if (!holder.find()) {
                return false;
            }
            return !holder.group(2).equals(hostName())
                    || ProcessHandle.of(Long.parseLong(holder.group(1))).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The holder's line; it may be a moment before a holder that just took the lock has written it. */
    private static String holderOf(Path file) throws IOException {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            String line = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!line.isEmpty()) {
                return line;
            }
            sleep(50);
        }
        return "a process that has not named itself";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
