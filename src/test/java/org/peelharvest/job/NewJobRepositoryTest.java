package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job repository that knows no run (each output's own, new on the first run after an upgrade
 * from the shared one, or one deleted by hand) numbers its job instances from 1 again.
 */
class NewJobRepositoryTest {

    @TempDir
    Path temp;

    @Test
    void workAreasLeftBesideTheOutputByRunsItCannotResumeAreDiscardedNotPublished() throws Exception {
        Path output = temp.resolve("out/release");
        // What a failed run of instance 1 in an earlier repository left: a staged report of other inputs.
        Path stale = Files.createDirectories(temp.resolve("out/.release.peel-harvest/work/1/reports/2099-nowhere-effectiveness"));
        Files.writeString(stale.resolve("0-html-stale.json"), "{\"not\": \"a report of these inputs\"}");

        CliRunner.Result result = new CliRunner(temp).run("extract", "--input",
                Path.of("input/sample/derbyshire-2016-effectiveness.html").toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Outcome.OK);
        assertThat(result.out()).contains("the job repository knows no earlier run: discarding the work areas in "
                + temp.resolve("out/.release.peel-harvest/work"));
        assertThat(Files.readString(output.resolve("reports.csv"))).contains("2016-derbyshire-effectiveness")
                .doesNotContain("2099");
        assertThat(temp.resolve("out/.release.peel-harvest/work")).doesNotExist();
    }
}
