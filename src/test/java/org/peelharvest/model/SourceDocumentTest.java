package org.peelharvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digest of bytes and of a file read a block at a time are the same digest. */
class SourceDocumentTest {

    @Test
    void aFileReadABlockAtATimeHasTheDigestOfItsBytes(@TempDir Path folder) throws Exception {
        // FIPS 180-2's example: SHA-256("abc").
        Path abc = Files.writeString(folder.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        assertThat(SourceDocument.sha256(abc))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        byte[] large = new byte[(1 << 16) * 3 + 17];
        new Random(7).nextBytes(large);
        Path file = Files.write(folder.resolve("large"), large);
        assertThat(SourceDocument.sha256(file)).isEqualTo(SourceDocument.sha256(large));

        Path empty = Files.write(folder.resolve("empty"), new byte[0]);
        assertThat(SourceDocument.sha256(empty))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
