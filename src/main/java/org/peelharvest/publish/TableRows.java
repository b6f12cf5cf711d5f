package org.peelharvest.publish;

import java.io.IOException;

/** Where the rows of one table of a release are written: its CSV file, its sheet of the workbook. */
interface TableRows {

    /** One row, a value a column in the table's order: text, a number, a boolean, or null or empty for none. */
    void row(Object... values) throws IOException;
}
