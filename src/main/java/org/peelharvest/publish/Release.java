package org.peelharvest.publish;

import java.nio.file.Path;

/** What a publish wrote: the folder and the row counts of its tables. */
public record Release(Path folder, int documents, int reports, int questions, int areasForImprovement,
                      int causesOfConcern, int recommendations, int conflicts, int rejects) {
}
