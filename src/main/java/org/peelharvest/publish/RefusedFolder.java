package org.peelharvest.publish;

import java.io.IOException;

/**
 * Publishing refused to touch a folder or file the project did not write (a file of the user's in
 * the output, its staging folder or where {@code latest} goes). Its message names the file and
 * what to do, in a user's words: it is printed as it is.
 */
public final class RefusedFolder extends IOException {

    RefusedFolder(String message) {
        super(message);
    }
}
