package org.peelharvest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.peelharvest.harvest.DocumentRef;
import org.peelharvest.model.Reject;
import org.peelharvest.model.RejectReason;

/** A partition's file in the work area: what is written is read back as it was, and a damaged file is refused by line. */
class PartitionFileTest {

    @Test
    void fieldsWithTabsLineBreaksAndBackslashesComeBackAsTheyWere() {
        List<DocumentRef> documents = List.of(
                new DocumentRef(Path.of("in/a\tb\nc\rd\\e.html"), -1, "a%09b.html", "12 t\tk", null),
                new DocumentRef(Path.of("in/\\-not absent.html"), -1, "\\-", "\\t literally", null),
                new DocumentRef(Path.of("/snap/archive.warc.gz"), 9_876_543_210L, "https://example.org/ünïcode “quoted”", "9#1", null),
                new DocumentRef(Path.of("empty-url.html"), -1, "", "", null));

        String text = PartitionFile.format(documents);

        assertThat(PartitionFile.parse(text)).isEqualTo(documents);
        assertThat(text.lines().count()).as("the first line, then one a document").isEqualTo(5);
    }

    @Test
    void halfOfASurrogatePairIsWrittenAsAnEscapeUtf8CanHold() {
        // A path cannot hold one (the file system refuses it); a URL or a reject's detail read from a WARC file may.
        DocumentRef odd = new DocumentRef(Path.of("in/page.html"), -1, "half \ud800 pair", "x\udc00 and a \ud83d\ude00 whole pair", null);

        String text = PartitionFile.format(List.of(odd));

        assertThat(text).contains("half \\ud800 pair", "x\\udc00 and a \ud83d\ude00 whole pair");
        assertThat(java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(text)).isTrue();
        assertThat(PartitionFile.parse(text)).containsExactly(odd);
    }

    @Test
    void aDocumentThatCannotBeReadKeepsItsRejectWithItsAbsentFields() {
        DocumentRef broken = new DocumentRef(Path.of("gone.pdf"), -1, "gone.pdf", "unreadable: no such file",
                new Reject("gone.pdf", "read", RejectReason.UNREADABLE, "no such file\tor folder"));
        DocumentRef noDetail = new DocumentRef(Path.of("odd.pdf"), -1, "odd.pdf", "x",
                new Reject("odd.pdf", null, RejectReason.UNREADABLE, null));

        assertThat(PartitionFile.parse(PartitionFile.format(List.of(broken, noDetail)))).containsExactly(broken, noDetail);
    }

    @Test
    void noDocumentsIsTheFirstLineAlone() {
        assertThat(PartitionFile.format(List.of())).isEqualTo(PartitionFile.FIRST_LINE + "\n");
        assertThat(PartitionFile.parse(PartitionFile.FIRST_LINE + "\n")).isEmpty();
    }

    @Test
    void aDamagedFileIsRefusedNamingTheLine() {
        String first = PartitionFile.FIRST_LINE + "\n";
        assertThatThrownBy(() -> PartitionFile.parse("[{\"file\":\"a.html\"}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not begin with");
        assertThatThrownBy(() -> PartitionFile.parse(first + "a.html\t-1\ta.html\tfp"))
                .hasMessage("line 2 is cut short");
        assertThatThrownBy(() -> PartitionFile.parse(first + "a.html\t-1\ta.html\n"))
                .hasMessage("line 2 has 3 fields");
        assertThatThrownBy(() -> PartitionFile.parse(first + "a.html\tminus one\ta.html\tfp\n"))
                .hasMessage("line 2 has no offset");
        assertThatThrownBy(() -> PartitionFile.parse(first + "a.html\t-1\ta\\q.html\tfp\n"))
                .hasMessage("line 2 has an unknown escape \\q");
        assertThatThrownBy(() -> PartitionFile.parse(first + "a.html\t-1\ta.html\tfp\\\n"))
                .hasMessage("line 2 ends in a lone backslash");
        assertThatThrownBy(() -> PartitionFile.parse(first + "a.html\t-1\t\\-x\tfp\n"))
                .hasMessage("line 2 has a field both absent and there");
        assertThatThrownBy(() -> PartitionFile.parse(first + "a.html\t-1\ta\\u00e.html\tfp\n"))
                .hasMessage("line 2 has a \\u escape that is cut short");
        assertThatThrownBy(() -> PartitionFile.parse(first + "\\-\t-1\ta.html\tfp\n"))
                .hasMessage("line 2 has no path");
        assertThatThrownBy(() -> PartitionFile.parse(first + "a.html\t-1\ta.html\tfp\ta.html\tread\tno-such-reason\t\\-\n"))
                .hasMessageContaining("no-such-reason");
    }
}
