/** Reports to datasets: CSV and JSON written beside the output folder, then moved into place whole. */
package org.peelharvest.publish;
