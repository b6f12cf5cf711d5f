package org.peelharvest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.peelharvest.extract.Explainer;
import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.harvest.UrlCanonicalizer;
import org.peelharvest.harvest.WarcDocuments;
import org.peelharvest.model.SourceDocument;
import org.peelharvest.job.Outcome;

/** {@code explain}: why one document gave what it gave, from a file or from a harvest snapshot. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows why a document gave what it gave: the identity evidence and each source's vote, "
                + "every block with the role it was given (title, headline, date, grade, summary, question N, "
                + "narrative, area for improvement, furniture, ignored) and the outcome (report ids, or the reject reason).",
                "Reads a file (HTML or PDF), or a URL from the WARC files of a harvest snapshot (--snapshot)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained (whatever the outcome)", "2:no such file, or the URL is not in the snapshot"})
final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|URL", description = "A document file, or with --snapshot a harvested URL.")
    String document;

    @Option(names = "--snapshot", paramLabel = "DIR",
            description = "A harvest snapshot (or a folder of them): the document is the URL's response in its WARC files.")
    Path snapshot;

    @Override
    public Integer call() throws IOException {
        quietPdfBox();
        PrintWriter out = spec.commandLine().getOut();
        Optional<SourceDocument> found = snapshot != null ? fromSnapshot() : fromFile();
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("peel-harvest explain: " + (snapshot != null
                    ? "no harvested response for " + document + " in " + snapshot : "no such file: " + document));
            return CommandLine.ExitCode.USAGE;
        }
        new Explainer().explain(found.get()).forEach(out::println);
        out.flush();
        return Outcome.OK;
    }

    /**
     * This command runs without the Spring application, whose settings quieten PDFBox's warning for
     * every standard font it substitutes (the substitute does not change the text): do the same here.
     */
    private static void quietPdfBox() {
        if (org.slf4j.LoggerFactory.getLogger("org.apache.pdfbox") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private Optional<SourceDocument> fromFile() throws IOException {
        Path file = Path.of(document);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new SourceDocument(file.toUri().toString(), Files.readAllBytes(file)));
    }

    private Optional<SourceDocument> fromSnapshot() throws IOException {
        if (!Files.isDirectory(snapshot)) {
            return Optional.empty();
        }
        String wanted = UrlCanonicalizer.canonical(document).orElse(document);
        for (Path warc : WarcDocuments.filesIn(snapshot)) {
            for (DocumentRef entry : WarcDocuments.entries(warc)) {
                if (UrlCanonicalizer.canonical(entry.url()).orElse(entry.url()).equals(wanted)) {
                    return Optional.of(new SourceDocument(entry.url(), WarcDocuments.payload(entry.file(), entry.offset())));
                }
            }
        }
        return Optional.empty();
    }
}
