package org.peelharvest.cli;

/** A command line that names something that is not there or not usable: one line on stderr, exit 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
