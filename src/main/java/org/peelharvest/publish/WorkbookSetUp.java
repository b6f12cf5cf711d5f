package org.peelharvest.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.poi.ss.util.SheetUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Sets up POI, which writes the release's workbook, on a thread of its own, once a process (issue 18):
 * its classes loaded and initialised, the fonts its sheets measure columns with read, the path that
 * saves a workbook run once. A job started by the launcher begins it as the application starts
 * ({@link #BESIDE_START}), so that the second core, idle while the application starts, does what the
 * first workbook would otherwise do on the publishing step's path. A workbook made while it runs waits for it: two threads setting up one
 * library's classes at once could each wait for the other's. A class of its own, so that starting
 * it sets up none of the publisher's classes on the command's thread.
 */
public final class WorkbookSetUp {

    /**
     * The system property that has a job's start begin the set-up ({@code true}): the launcher sets
     * it, since with its class-data archive POI's classes are mapped, not read, and the set-up fits
     * in what the start leaves idle. In a plain JVM it would read them from the jars beside the
     * start, and delay the first document more than it spares the publishing.
     */
    public static final String BESIDE_START = "peel.workbook.set-up-beside-start";

    /** The process's one set-up, of POI. */
    private static final WorkbookSetUp POI = new WorkbookSetUp(WorkbookSetUp::setUpPoi);

    private final FutureTask<Void> task;
    /** Claimed by {@link #begin}, or by a workbook that found it unclaimed and did without. */
    private final AtomicBoolean claimed = new AtomicBoolean();

    /** A set-up doing {@code work}: POI's for the process, another in tests. */
    WorkbookSetUp(Runnable work) {
        this.task = new FutureTask<>(work, null);
    }

    /** Begins setting POI up on a daemon thread, unless it has begun or a workbook has been made already. */
    public static void inBackground() {
        POI.begin();
    }

    /** For a workbook about to be made: waits for POI's set-up if it began; else claims it, so that none begins beside the workbook. */
    static void beforeWorkbook() {
        POI.awaitOrClaim();
    }

    void begin() {
        if (claimed.compareAndSet(false, true)) {
            Thread thread = new Thread(task, "peel-harvest-workbook-set-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void awaitOrClaim() {
        if (claimed.compareAndSet(false, true)) {
            task.cancel(false); // never to run: the workbooks after this one find it over
            return;
        }
        try {
            task.get();
        } catch (CancellationException e) {
            // Claimed by an earlier workbook: nothing to wait for.
        } catch (ExecutionException e) {
            // The work's own failure: the workbook's set-up follows either way, and meets it on its own path.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the work is over: run to its end, or never to run. */
    boolean over() {
        return task.isDone();
    }

    /** A workbook in memory, saved to nowhere: what the first real one sets up, with no file written. */
    static void setUpPoi() {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet(Workbook.ABOUT).createRow(0).createCell(0).setCellValue(Workbook.ABOUT);
            SheetUtil.getDefaultCharWidthAsFloat(book);
            book.write(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException | LinkageError | InternalError e) {
            // No fonts, a broken install: the workbook meets it again on its own path, and says so.
        }
    }
}
