/** The benchmark of issue 11: a synthetic archive, the parsers' floor, and the extract job measured against it. */
package org.peelharvest.bench;
