package org.peelharvest.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.poi.ss.util.SheetUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Sets up POI, which writes the release's workbook, on a thread of its own, once a process (issue 18):
 * its classes loaded and initialised, the fonts its sheets measure columns with read, the path that
 * saves a workbook run once. A command that will publish starts it as it starts, so that the second
 * core, idle while the application starts, does what the first workbook would otherwise do on the
 * publishing step's path. A workbook made while it runs waits for it: two threads setting up one
 * library's classes at once could each wait for the other's. A class of its own, so that starting
 * it sets up none of the publisher's classes on the command's thread.
 */
public final class WorkbookSetUp {

    private static final FutureTask<Void> TASK = new FutureTask<>(WorkbookSetUp::run, null);
    /** Claimed by {@link #inBackground}, or by a workbook that found it unclaimed and did without. */
    private static final AtomicBoolean CLAIMED = new AtomicBoolean();

    private WorkbookSetUp() {
    }

    /** Begins the set-up on a daemon thread, unless it has begun or a workbook has been made already. */
    public static void inBackground() {
        if (CLAIMED.compareAndSet(false, true)) {
            Thread thread = new Thread(TASK, "peel-harvest-workbook-set-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** For a workbook about to be made: waits for the set-up if it began; else claims it, so that none begins beside it. */
    static void await() {
        if (CLAIMED.compareAndSet(false, true)) {
            return;
        }
        try {
            TASK.get();
        } catch (ExecutionException e) {
            // run() throws nothing; the workbook's own set-up follows either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the set-up ran to its end (for tests). */
    static boolean done() {
        return TASK.isDone();
    }

    /** A workbook in memory, saved to nowhere: what the first real one sets up, with no file written. */
    private static void run() {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet(Workbook.ABOUT).createRow(0).createCell(0).setCellValue(Workbook.ABOUT);
            SheetUtil.getDefaultCharWidthAsFloat(book);
            book.write(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException | LinkageError | InternalError e) {
            // No fonts, a broken install: the workbook meets it again on its own path, and says so.
        }
    }
}
