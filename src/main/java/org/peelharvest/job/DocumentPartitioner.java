package org.peelharvest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.harvest.DocumentSource;
import org.peelharvest.publish.StagingArea;
import org.peelharvest.publish.WriteFailure;

/**
 * Lists the documents of a run once, records them in the work area, and deals the ones left to do
 * out to {@code gridSize} partitions, each written to a file of the work area
 * ({@code partitions/<name>.tsv}, {@link PartitionFile}) that its worker step reads. A partition's execution context
 * holds only its name, so the same partitioner can hand partitions to remote workers that share
 * the work area (Spring Batch's remote partitioning); here they run on local threads.
 *
 * <p>Called on every run of the step, a resume included, so a resume lists the inputs as they
 * are now (issue 9, item 10); a restarted partition keeps its name and reads the new list.
 * Documents are dealt by size ({@link #deal}), every document of one URL to one partition, in
 * listing order there (two records of one URL in a WARC file are then done in file order, as a
 * single thread does them), so the outcomes staged, and so the release, do not depend on the
 * number of partitions or on which thread finishes first.
 */
class DocumentPartitioner implements Partitioner {

    static final String PARTITION = "partition";

    private final List<Path> inputs;
    private final StagingArea staging;
    private final ProgressReporter progress;
    private final long run;

    /**
     * @param run the job execution, whose progress the partitions report into
     */
    DocumentPartitioner(List<Path> inputs, StagingArea staging, ProgressReporter progress, long run) {
        this.inputs = List.copyOf(inputs);
        this.staging = staging;
        this.progress = progress;
        this.run = run;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        staging.create();
        List<DocumentRef> listed = DocumentSource.list(inputs);
        // The list is recorded: what is done is then what is done as listed now.
        Map<String, String> fingerprints = new LinkedHashMap<>();
        listed.forEach(d -> fingerprints.put(d.key(), d.fingerprint()));
        staging.putListed(fingerprints);
        // What is done as it is now, read once: the work area's logs are read through for it.
        List<StagingArea.Done> done = staging.staged(fingerprints).documentsRead().orElseThrow();
        Set<String> doneKeys = new java.util.HashSet<>();
        done.forEach(d -> doneKeys.add(d.key()));
        List<DocumentRef> todo = listed.stream().filter(d -> !doneKeys.contains(d.key())).toList();
        // A resumed run counts on from what its earlier attempts did: its progress ends at the summary's counts.
        progress.start(run, todo.size() + done.size(), done.size(), (int) done.stream().filter(StagingArea.Done::rejected).count());
        List<List<DocumentRef>> dealt = deal(todo, gridSize, sizes(todo));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < dealt.size(); i++) {
            String name = PARTITION + i;
            write(staging, name, dealt.get(i));
            ExecutionContext context = new ExecutionContext();
            context.putString(PARTITION, name);
            partitions.put(name, context);
        }
        return partitions;
    }

    /**
     * The documents dealt to {@code count} partitions by size, so that each has about the same
     * work: the documents of one URL together, the heaviest first, each to the lightest partition
     * so far (the lowest numbered of equals); each partition keeps its documents in listing order.
     * Dealt in turn, 40- and 80-page PDFs left one thread idle while the other finished (issue 11).
     */
    static List<List<DocumentRef>> deal(List<DocumentRef> documents, int count, ToLongFunction<DocumentRef> weight) {
        Map<String, List<Integer>> byUrl = new LinkedHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            byUrl.computeIfAbsent(documents.get(i).url(), url -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byUrl.values());
        long[] groupWeights = groups.stream().mapToLong(g -> g.stream().mapToLong(i -> weight.applyAsLong(documents.get(i)))
                .sum()).toArray();
        List<Integer> heaviestFirst = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            heaviestFirst.add(g);
        }
        // Stable: equal weights keep listing order, so the same list is always dealt the same way.
        heaviestFirst.sort(Comparator.comparingLong((Integer g) -> groupWeights[g]).reversed());
        int partitions = Math.max(count, 1);
        long[] loads = new long[partitions];
        List<TreeSet<Integer>> dealt = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            dealt.add(new TreeSet<>());
        }
        for (int g : heaviestFirst) {
            int lightest = 0;
            for (int p = 1; p < partitions; p++) {
                lightest = loads[p] < loads[lightest] ? p : lightest;
            }
            loads[lightest] += groupWeights[g];
            dealt.get(lightest).addAll(groups.get(g));
        }
        return dealt.stream().map(indexes -> indexes.stream().map(documents::get).toList()).toList();
    }

    /**
     * What a document weighs, for dealing: its size in bytes (a WARC record: up to the next record
     * of the listing in its file, or the file's end); 1 for one that cannot be read, which is a quick reject.
     * Asked of these very documents (by identity), as {@link #deal} asks.
     */
    static ToLongFunction<DocumentRef> sizes(List<DocumentRef> documents) {
        // By identity: a record's hash would hash its path and texts, with method handles spun at its first use.
        Map<DocumentRef, Long> sizes = new java.util.IdentityHashMap<>();
        Map<Path, Long> fileSizes = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            DocumentRef document = documents.get(i);
            long fileSize = fileSizes.computeIfAbsent(document.file(), DocumentPartitioner::sizeOf);
            long end = i + 1 < documents.size() && document.inWarc() && documents.get(i + 1).file().equals(document.file())
                    && documents.get(i + 1).offset() > document.offset() ? documents.get(i + 1).offset() : fileSize;
            long size = document.problem() != null ? 1 : end - Math.max(document.offset(), 0);
            sizes.put(document, Math.max(size, 1));
        }
        return document -> sizes.getOrDefault(document, 1L);
    }

    private static long sizeOf(Path file) {
        try {
            java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes.size() : 1;
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * The name of the partition a worker step runs: from its context, or, where a kill came before
     * the job repository had written that context to disk (H2 writes its commits out a moment
     * later) and a restart copied the empty context, from the step's name, which Spring Batch makes
     * of the worker's name and the partition's ({@code extractWorker:partition3}).
     */
    static String nameOf(org.springframework.batch.core.step.StepExecution worker) {
        String name = worker.getExecutionContext().getString(PARTITION, null);
        if (name != null) {
            return name;
        }
        String step = worker.getStepName();
        String fromStep = step.substring(step.lastIndexOf(':') + 1);
        if (!fromStep.matches(PARTITION + "[0-9]+")) {
            throw new IllegalStateException("the step " + step + " names no partition of the documents");
        }
        return fromStep;
    }

    /** The documents of one partition, as its partitioner wrote them. */
    static List<DocumentRef> read(StagingArea staging, String partition) {
        Path file = fileOf(staging, partition);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the documents of " + partition + " are not in the work area (" + file + ")");
        }
        try {
            return PartitionFile.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw damaged(partition, file, "not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the documents of " + partition + " from " + file, e);
        } catch (IllegalArgumentException e) {
            throw damaged(partition, file, e.getMessage());
        }
    }

    /**
     * The message a person reads (a run's failure is told by its innermost cause, so this has none):
     * the file, what is wrong, and the fix, since every run lists the documents and writes the file anew.
     */
    private static IllegalStateException damaged(String partition, Path file, String what) {
        return new IllegalStateException("the documents of " + partition + " in " + file + " are damaged (" + what
                + "); run the same command again, which lists them anew");
    }

    static void write(StagingArea staging, String partition, List<DocumentRef> documents) {
        Path file = fileOf(staging, partition);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, PartitionFile.format(documents), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the documents of " + partition + " to " + file,
                    WriteFailure.of(file, e));
        }
    }

    private static Path fileOf(StagingArea staging, String partition) {
        return staging.root().resolve("partitions").resolve(partition + PartitionFile.EXTENSION);
    }
}
