package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.peelharvest.harvest.HostileSite;

/**
 * The harvest reads a page's links as extraction reads the page (issue 12: one decoding): a page
 * in windows-1252, said so only by its meta element, links to "/site/café/"; read as UTF-8, its
 * "é" (one byte, 0xE9) would be a replacement character and the request would go to
 * "/site/caf%EF%BF%BD/".
 */
class HarvestCharsetTest {

    @TempDir
    Path temp;

    @Test
    void aLinkOnAPageInAnotherCharsetIsFollowedAsThePageMeantIt() throws Exception {
        try (HostileSite site = new HostileSite()) {
            CliRunner.Result harvest = new CliRunner(temp).run("harvest", "--seed", site.base() + HostileSite.LATIN1,
                    "--allow", site.base() + "/site/", "--snapshot", temp.resolve("snapshots").toString(), "--rate", "20",
                    "--timeout", "2");

            assertThat(site.requests()).as(harvest.out() + harvest.err())
                    .containsExactly(HostileSite.LATIN1, HostileSite.CAFE);
        }
    }
}
