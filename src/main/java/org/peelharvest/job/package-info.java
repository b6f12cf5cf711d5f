/** Spring Batch wiring and the command line: the only package that knows about Spring. */
package org.peelharvest.job;
