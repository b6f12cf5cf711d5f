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

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import org.peelharvest.extract.DocumentExtractor;
import org.peelharvest.extract.Explainer;
import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.harvest.DocumentSource;
import org.peelharvest.harvest.UrlCanonicalizer;
import org.peelharvest.harvest.WarcDocuments;
import org.peelharvest.job.DocumentLimitSettings;
import org.peelharvest.job.Outcome;
import org.peelharvest.model.RejectedDocumentException;
import org.peelharvest.model.SourceDocument;

/** {@code explain}: why one document gave what it gave, from a file or from a harvest snapshot. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows why a document gave what it gave: the identity evidence and each source's vote, "
                + "every block with the role it was given (title, headline, date, grade, summary, question N, "
                + "narrative, area for improvement, furniture, ignored) and the outcome (report ids, or the reject reason).",
                "Reads a file (HTML or PDF), or a URL from the WARC files of a harvest snapshot (--snapshot)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained (whatever the outcome)",
                "1:stopped at a document limit (size, time, heap: peel.limits.*), as extract rejects the document",
                "2:no such file, or the URL is not in the snapshot"})
final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "FILE|URL", description = "A document file, or with --snapshot a harvested URL.")
    String document;

    @Option(names = "--snapshot", paramLabel = "DIR",
            description = "A harvest snapshot (or a folder of them): the document is the URL's response in its WARC files.")
    Path snapshot;

    @Override
    public Integer call() throws IOException {
        quietPdfBox();
        DocumentExtractor.Limits limits = limits();
        Optional<DocumentRef> found = snapshot != null ? fromSnapshot() : fromFile();
        if (found.isEmpty()) {
            return failed(snapshot != null ? "no harvested response for " + document + " in " + snapshot
                    : "no such file: " + document, CommandLine.ExitCode.USAGE);
        }
        SourceDocument read;
        try {
            read = DocumentSource.read(found.get(), limits.maxBytes());
        } catch (RejectedDocumentException e) {
            return failed(Explainer.isLimit(e.reject()) ? Explainer.stopped(e.reject(), limits) : e.reject().detail(),
                    Explainer.isLimit(e.reject()) ? Outcome.JOB_FAILED : CommandLine.ExitCode.USAGE);
        }
        Explainer.Explanation explanation = new Explainer(limits).explain(read);
        PrintWriter out = spec.commandLine().getOut();
        explanation.lines().forEach(out::println);
        out.flush();
        return explanation.stopped().isEmpty() ? Outcome.OK : failed(explanation.stopped(), Outcome.JOB_FAILED);
    }

    /** The document limits extract has, from the same settings (explain runs without the Spring application). */
    private DocumentExtractor.Limits limits() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("command line", cli.springProperties()));
        try {
            return DocumentLimitSettings.of(environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int failed(String problem, int exitCode) {
        spec.commandLine().getErr().println("peel-harvest explain: " + problem);
        return exitCode;
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

    private Optional<DocumentRef> fromFile() {
        Path file = Path.of(document);
        return Files.exists(file) ? Optional.of(DocumentRef.of(file, file)) : Optional.empty();
    }

    private Optional<DocumentRef> fromSnapshot() throws IOException {
        if (!Files.isDirectory(snapshot)) {
            return Optional.empty();
        }
        String wanted = UrlCanonicalizer.canonical(document).orElse(document);
        for (Path warc : WarcDocuments.filesIn(snapshot)) {
            for (DocumentRef entry : WarcDocuments.entries(warc)) {
                if (UrlCanonicalizer.canonical(entry.url()).orElse(entry.url()).equals(wanted)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }
}
