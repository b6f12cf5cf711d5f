/** The command line: one class per command (picocli), their shared options, and the exit codes they give. */
package org.peelharvest.cli;
