/** The records that flow through the pipeline: what a PEEL report is, whatever it was read from. */
package org.peelharvest.model;
