/** Finding and fetching the published reports, and keeping what was fetched as a WARC snapshot. */
package org.peelharvest.harvest;
