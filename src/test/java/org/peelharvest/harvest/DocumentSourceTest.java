package org.peelharvest.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSourceTest {

    @TempDir
    Path temp;

    @Test
    void documentsAreFoundByNameOrByContentInPathOrderAndHiddenFilesArePassedOver() throws IOException {
        Path pdf = Path.of("input/sample/derbyshire-2016-effectiveness.pdf");
        Files.createDirectories(temp.resolve("b/nested"));
        Files.createDirectories(temp.resolve(".cache"));
        Files.copy(pdf, temp.resolve("b/nested/report-without-extension"));
        Files.writeString(temp.resolve("a.HTM"), "<p>named like a page</p>");
        Files.writeString(temp.resolve("c.txt"), "<!DOCTYPE html><html><body>shaped like a page</body></html>");
        Files.writeString(temp.resolve("README.md"), "# notes");
        Files.writeString(temp.resolve("empty.pdf"), "");
        Files.copy(pdf, temp.resolve(".cache/hidden.pdf"));
        Path named = Files.writeString(temp.resolve("notes.md"), "named directly");

        List<Path> found = DocumentSource.list(List.of(temp, named)).stream().map(DocumentRef::file).toList();

        assertThat(found).containsExactly(temp.resolve("a.HTM"), temp.resolve("b/nested/report-without-extension"),
                temp.resolve("c.txt"), temp.resolve("empty.pdf"), named);
    }

    @Test
    void aDocumentIsNamedByItsPathRelativeToItsInputFolderOrByItsNameWhenNamedDirectly() throws IOException {
        Files.createDirectories(temp.resolve("in/2016/sub folder"));
        Files.writeString(temp.resolve("in/2016/sub folder/a page.html"), "<p>a page</p>");
        Files.writeString(temp.resolve("in/top.html"), "<p>top</p>");
        Path named = Files.writeString(temp.resolve("alone.html"), "<p>named directly</p>");

        List<String> urls = DocumentSource.list(List.of(temp.resolve("in"), named)).stream().map(DocumentRef::url).toList();

        assertThat(urls).as("in path order").containsExactly("alone.html", "2016/sub%20folder/a%20page.html", "top.html");
    }
}
