package org.peelharvest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What a command prints shows C0, DEL and C1 controls escaped; tab, line breaks and other text pass as they are (issue 17). */
class TerminalTest {

    @Test
    void aTerminalEscapeIsShownNotObeyed() {
        assertThat(printed("\u001b]0;PWNED\u0007\u001b[2J")).isEqualTo("\\x1b]0;PWNED\\x07\\x1b[2J");
    }

    @Test
    void c1ControlsAndDelAreEscapedAndTheLettersBesideThemKept() {
        // U+009B is CSI on a terminal that reads C1 controls; U+00C2 and U+00A0 share its UTF-8 lead byte C2.
        assertThat(printed("a\u009b2Jb\u007f\u00c2\u00a0é")).isEqualTo("a\\x9b2Jb\\x7f\u00c2\u00a0é");
    }

    @Test
    void tabsLineBreaksAndCarriageReturnsPass() {
        assertThat(printed("a\tb\r\nc\n")).isEqualTo("a\tb\r\nc\n");
    }

    @Test
    void aControlSplitAcrossTwoWritesIsStillEscaped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = Terminal.escaping(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        out.write(new byte[] {'x', (byte) 0xC2}, 0, 2);
        out.write(new byte[] {(byte) 0x9B, 'y'}, 0, 2);
        out.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("x\\x9by");
    }

    @Test
    void aStreamThatEscapesAlreadyIsNotWrappedAgain() {
        PrintStream escaping = Terminal.escaping(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(Terminal.escaping(escaping)).isSameAs(escaping);
    }

    private static String printed(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = Terminal.escaping(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.print(text);
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
