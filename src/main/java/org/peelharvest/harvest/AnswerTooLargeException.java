package org.peelharvest.harvest;

import java.io.IOException;

/**
 * An answer whose header section, chunk lines or trailer fields pass their limits ({@link WireInput}):
 * the server's fault, not the network's, so its message is logged as it is, for a person to read.
 */
final class AnswerTooLargeException extends IOException {

    AnswerTooLargeException(String message) {
        super("the server's answer has " + message);
    }
}
