package org.peelharvest.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import org.peelharvest.extract.Formats;
import org.peelharvest.harvest.WarcDocuments;

/**
 * Lists the documents of a run, in path order, and hands them out one at a time. Folders are
 * walked recursively; a file counts as a document when its name ends in .html, .htm or .pdf or
 * when its first bytes are HTML or PDF; a WARC file (.warc, .warc.gz) gives each page or PDF it
 * keeps. A file named directly always counts. Only the paths are
 * held, never the contents. On a restart the read count saved by the base class skips what
 * earlier runs already handed out.
 */
class DocumentReader extends AbstractItemCountingItemStreamItemReader<DocumentRef> {

    private static final int SNIFF_BYTES = 4096;

    private final List<Path> inputs;
    private List<DocumentRef> documents = List.of();
    private int next;

    DocumentReader(List<Path> inputs) {
        this.inputs = List.copyOf(inputs);
        setName("documents");
    }

    int total() {
        return documents.size();
    }

    @Override
    protected void doOpen() throws IOException {
        documents = discover(inputs);
        next = 0;
    }

    @Override
    protected DocumentRef doRead() {
        return next < documents.size() ? documents.get(next++) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        next = Math.min(itemIndex, documents.size());
    }

    @Override
    protected void doClose() {
        documents = List.of();
    }

    /**
     * The documents of the inputs, in path order: files, and each successful response kept in a
     * WARC file (a harvest snapshot), in file order.
     */
    static List<DocumentRef> discover(List<Path> inputs) throws IOException {
        TreeSet<Path> found = new TreeSet<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                found.addAll(documentsUnder(input));
            } else {
                found.add(input);
            }
        }
        List<DocumentRef> documents = new ArrayList<>();
        for (Path file : found) {
            if (WarcDocuments.isWarc(file)) {
                WarcDocuments.entries(file).forEach(e -> documents.add(new DocumentRef(e.warc(), e.offset(), e.url())));
            } else {
                documents.add(DocumentRef.of(file));
            }
        }
        return documents;
    }

    private static List<Path> documentsUnder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(folder.relativize(p)))
                    .filter(DocumentReader::looksLikeDocument)
                    .toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".pdf") || WarcDocuments.isWarc(file)) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Formats.sniff(in.readNBytes(SNIFF_BYTES)).isPresent();
        } catch (IOException e) {
            return true; // an unreadable file is reported as a reject, not silently passed over
        }
    }
}
