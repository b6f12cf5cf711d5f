package org.peelharvest.job;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import org.peelharvest.extract.DocumentExtractor;

/**
 * What one document may cost, read from the settings ({@code peel.limits.max-document-size},
 * {@code peel.limits.document-timeout}: a -D system property, an environment variable such as
 * {@code PEEL_LIMITS_DOCUMENT_TIMEOUT}, or a setting given to the command line) with the defaults of
 * {@link DocumentExtractor.Limits#DEFAULT}: the one reading for {@code extract}, {@code run} and
 * {@code explain}, so that explain stops where extract rejects (issue 17).
 */
public final class DocumentLimitSettings {

    private DocumentLimitSettings() {
    }

    /**
     * The limits {@code environment} sets.
     *
     * @throws IllegalArgumentException naming the setting whose value cannot be used
     */
    public static DocumentExtractor.Limits of(Environment environment) {
        Binder binder = Binder.get(environment);
        DocumentExtractor.Limits defaults = DocumentExtractor.Limits.DEFAULT;
        try {
            long maxBytes = binder.bind(DocumentExtractor.Limits.MAX_SIZE_SETTING, DataSize.class)
                    .map(DataSize::toBytes).orElse(defaults.maxBytes());
            Duration timeout = binder.bind(DocumentExtractor.Limits.TIMEOUT_SETTING, Duration.class)
                    .orElse(defaults.timeout());
            return new DocumentExtractor.Limits(maxBytes, timeout);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the document limits (" + DocumentExtractor.Limits.MAX_SIZE_SETTING + ", "
                    + DocumentExtractor.Limits.TIMEOUT_SETTING + ") cannot be used: " + Outcome.rootCause(e)
                    .replaceFirst("^\\w+: ", ""), e);
        }
    }
}
