package org.peelharvest.harvest;

import java.io.IOException;

/** The loopback mirror, for the command-line tests of other packages. */
public final class MirrorForJobTests implements AutoCloseable {

    private final SiteMirror mirror;

    public MirrorForJobTests() throws IOException {
        mirror = new SiteMirror();
    }

    public String base() {
        return mirror.base();
    }

    /** How many requests the mirror has had. */
    public int requestCount() {
        return mirror.log().size();
    }

    @Override
    public void close() {
        mirror.close();
    }
}
