package org.peelharvest.job;

import java.nio.file.Path;

/**
 * One document of a run: a file, or a record of a WARC file ({@code offset} ≥ 0), with the URL
 * that names it in the datasets ({@code file:} URI of a file, the harvested URL of a record).
 */
record DocumentRef(Path file, long offset, String url) {

    static DocumentRef of(Path file) {
        return new DocumentRef(file, -1, file.toUri().toString());
    }

    boolean inWarc() {
        return offset >= 0;
    }
}
