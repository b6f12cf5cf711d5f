package org.peelharvest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A release's own {@code datapackage.json}, read into typed records for {@code validate}: each
 * resource's path, size and digest, and for a tabular resource its Table Schema (fields, their
 * types, {@code required}, {@code enum}, {@code unique}, {@code pattern}, {@code minimum} and {@code maximum} constraints, missing values, primary and foreign keys),
 * as the Table Schema specification writes them (https://specs.frictionlessdata.io/table-schema/).
 * What this reader cannot check (another type, another constraint) is a problem, never ignored.
 */
final class ReleaseDescriptor {

    /** The Table Schema types {@code validate} checks a cell against. */
    static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "date", "year");
    private static final Set<String> CONSTRAINTS = Set.of("required", "enum", "unique", "pattern", "minimum", "maximum");

    /** One resource; {@code table} is null unless it is tabular, {@code jsonSchema} null unless it names one. */
    record Resource(String name, String path, long bytes, String hash, String format, DataPackage.Table table,
                    List<String> missingValues, String jsonSchema) {

        boolean tabular() {
            return table != null;
        }
    }

    private ReleaseDescriptor() {
    }

    /** The resources of {@code descriptor}; each way it cannot be read is added to {@code problems}. */
    static List<Resource> resources(JsonNode descriptor, List<String> problems) {
        List<Resource> resources = new ArrayList<>();
        if (!descriptor.path("resources").isArray()) {
            problems.add(DataPackage.FILE + ": has no list of resources");
            return resources;
        }
        for (JsonNode resource : descriptor.path("resources")) {
            String name = resource.path("name").asString("");
            String where = DataPackage.FILE + ": resource " + (name.isEmpty() ? "without a name" : name);
            String path = resource.path("path").asString("");
            if (path.isEmpty()) {
                problems.add(where + ": has no path");
                continue;
            }
            boolean tabular = "tabular-data-resource".equals(resource.path("profile").asString(""));
            DataPackage.Table table = tabular ? table(name, resource.path("schema"), where, problems) : null;
            resources.add(new Resource(name, path, resource.path("bytes").asLong(-1), resource.path("hash").asString(""),
                    resource.path("format").asString(""), table, missingValues(resource.path("schema")),
                    resource.path(DataPackage.JSON_SCHEMA).asString(null)));
        }
        return resources;
    }

    private static DataPackage.Table table(String name, JsonNode schema, String where, List<String> problems) {
        if (!schema.path("fields").isArray()) {
            problems.add(where + ": a tabular resource without a Table Schema of fields");
            return new DataPackage.Table(name, List.of(), List.of(), List.of());
        }
        List<DataPackage.Field> fields = new ArrayList<>();
        for (JsonNode field : schema.path("fields")) {
            fields.add(field(field, where, problems));
        }
        List<DataPackage.ForeignKey> foreignKeys = new ArrayList<>();
        for (JsonNode foreignKey : schema.path("foreignKeys")) {
            JsonNode reference = foreignKey.path("reference");
            // An empty reference resource is the table itself (Table Schema, "Foreign Keys").
            String target = reference.path("resource").asString("");
            foreignKeys.add(new DataPackage.ForeignKey(names(foreignKey.path("fields")), target.isEmpty() ? name : target,
                    names(reference.path("fields"))));
        }
        return new DataPackage.Table(name, fields, names(schema.path("primaryKey")), foreignKeys);
    }

    private static DataPackage.Field field(JsonNode field, String where, List<String> problems) {
        String name = field.path("name").asString("");
        // "string" is the type of a field that states none (Table Schema, "Field Descriptors").
        String type = field.path("type").asString("string");
        if (!TYPES.contains(type)) {
            problems.add(where + ": field " + name + " has type '" + type + "', which validate does not check");
        }
        JsonNode constraints = field.path("constraints");
        for (String constraint : constraints.propertyNames()) {
            if (!CONSTRAINTS.contains(constraint)) {
                problems.add(where + ": field " + name + " has the constraint '" + constraint
                        + "', which validate does not check");
            }
        }
        List<String> values = new ArrayList<>();
        constraints.path("enum").values().forEach(value -> values.add(value.asString()));
        return new DataPackage.Field(name, type, values, constraints.path("required").asBoolean(false),
                field.path("description").asString(""), constraints.path("pattern").asString(null),
                bound(constraints.path("minimum")), bound(constraints.path("maximum")),
                constraints.path("unique").asBoolean(false));
    }

    /** A least or greatest value; null when there is none. */
    private static Integer bound(JsonNode value) {
        return value.isNumber() ? value.asInt() : null;
    }

    /** Table Schema's default missing value is the empty string. */
    private static List<String> missingValues(JsonNode schema) {
        if (!schema.has("missingValues")) {
            return List.of("");
        }
        List<String> values = new ArrayList<>();
        schema.path("missingValues").values().forEach(value -> values.add(value.asString()));
        return values;
    }

    /** A key's fields: one name, or a list of names. */
    private static List<String> names(JsonNode node) {
        if (node.isString()) {
            return List.of(node.asString());
        }
        List<String> names = new ArrayList<>();
        node.values().forEach(value -> names.add(value.asString()));
        return names;
    }
}
