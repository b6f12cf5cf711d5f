package org.peelharvest.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code docs/datasets.md}, the reference of a release's tables, rendered from {@link DataPackage}
 * (each column's one description, its type and constraints, each table's keys): the page and the
 * descriptor cannot drift apart, and a test checks the page in the repository equals this rendering.
 */
public final class DatasetsReference {

    private DatasetsReference() {
    }

    /** The whole page, Markdown, {@code \n} line ends. */
    public static String markdown() {
        StringBuilder page = new StringBuilder();
        page.append("# The datasets of a release\n\n")
                .append("<!-- Rendered from the code (publish/DataPackage.java) by DatasetsReference; ")
                .append("DatasetsReferenceTest checks this file equals the rendering. Edit the code, not this page. -->\n\n")
                .append(DataPackage.DESCRIPTION).append("\n\n")
                .append("Every release holds these tables as CSV files (RFC 4180, UTF-8, CRLF line ends, one header row; ")
                .append("an empty cell is a missing value), each described with its Table Schema in `datapackage.json`, ")
                .append("and as sheets of the workbook `").append(Workbook.FILE).append("`, whose About sheet repeats ")
                .append("these descriptions. Licence: ").append(DataPackage.LICENCE).append(" (")
                .append(DataPackage.LICENCE_PATH).append(").\n\n");
        for (DataPackage.Table table : DataPackage.TABLES) {
            table(page, table);
        }
        return page.toString();
    }

    private static void table(StringBuilder page, DataPackage.Table table) {
        page.append("## ").append(table.title()).append(": `").append(table.file()).append("`\n\n")
                .append(table.description()).append("\n\n")
                .append("Primary key: ").append(code(table.primaryKey())).append(".");
        for (DataPackage.ForeignKey key : table.foreignKeys()) {
            page.append(" ").append(code(key.fields())).append(" refers to ").append(code(key.reference()))
                    .append(" of `").append(key.resource()).append(".csv`.");
        }
        page.append("\n\n| Column | Type | Required | Constraints | Description |\n|---|---|---|---|---|\n");
        for (DataPackage.Field field : table.fields()) {
            page.append("| `").append(field.name()).append("` | ").append(field.type()).append(" | ")
                    .append(field.required() ? "yes" : "no").append(" | ").append(constraints(field)).append(" | ")
                    .append(cell(field.description())).append(" |\n");
        }
        page.append('\n');
    }

    private static String constraints(DataPackage.Field field) {
        StringBuilder text = new StringBuilder();
        if (!field.values().isEmpty()) {
            text.append("one of ").append(field.values().stream().map(v -> "`" + cell(v) + "`")
                    .collect(Collectors.joining(", ")));
        }
        if (field.pattern() != null) {
            text.append(text.isEmpty() ? "" : "; ").append("matches `").append(cell(field.pattern())).append("`");
        }
        if (field.minimum() != null) {
            text.append(text.isEmpty() ? "" : "; ").append("at least ").append(field.minimum());
        }
        if (field.maximum() != null) {
            text.append(text.isEmpty() ? "" : "; ").append("at most ").append(field.maximum());
        }
        if (field.unique()) {
            text.append(text.isEmpty() ? "" : "; ").append("unique");
        }
        return text.toString();
    }

    private static String code(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(" + "));
    }

    /** A table cell's text: a pipe would end the cell (GitHub's tables read {@code \|} as one). */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
