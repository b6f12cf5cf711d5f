package org.peelharvest.publish;

import java.nio.file.Path;

/** What a publish wrote: the folder and the row counts of its tables. */
public record Release(Path folder, int reports, int questions, int areasForImprovement, int rejects) {
}
