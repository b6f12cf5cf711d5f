/** Documents to reports: each format becomes one stream of text blocks, and one reader turns blocks into a report. */
package org.peelharvest.extract;
