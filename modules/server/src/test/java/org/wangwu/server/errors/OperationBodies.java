package org.wangwu.server.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The served OpenAPI document read as a tester would: every operation that takes a body, a plausible body
 * for each (the schema's example, else one made from its properties), and that body spoiled one way at a
 * time, each spoiling with the field a strict reader must name.
 */
final class OperationBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An operation of the document that takes a request body. */
    record Operation(String method, String path, List<String> contentTypes, JsonNode schema, boolean bodyRequired) {
        boolean takes(String contentType) {
            return contentTypes.contains(contentType);
        }
    }

    /** A spoiled body and the field the answer must name ("" when the fault is the whole body). */
    record Spoiled(String name, String body, String field) {
    }

    private final JsonNode document;

    OperationBodies(String openApiJson) {
        try {
            this.document = JSON.readTree(openApiJson);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Operation> operationsWithBodies() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode content = method.getValue().path("requestBody").path("content");
                if (content.isObject()) {
                    List<String> types = new ArrayList<>();
                    content.fieldNames().forEachRemaining(types::add);
                    JsonNode schema = content.path("application/json").path("schema");
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), types, schema.isMissingNode() ? null : resolve(schema),
                            method.getValue().path("requestBody").path("required").asBoolean(false)));
                }
            }
        }
        return operations;
    }

    /** A body the schema allows in shape (its values may still be refused by the service's rules). */
    JsonNode plausible(JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode body = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> body.set(p.getKey(), plausible(p.getValue())));
                return body;
            }
            case "array" -> {
                ArrayNode list = NODES.arrayNode();
                list.add(plausible(schema.path("items")));
                return list;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return switch (schema.path("format").asText()) {
                    case "date" -> NODES.textNode("2024-05-01");
                    case "date-time" -> NODES.textNode("2024-05-01T08:00:00Z");
                    case "uuid" -> NODES.textNode("00000000-0000-4000-8000-000000000000");
                    default -> NODES.textNode("x");
                };
            }
        }
    }

    /** The plausible body spoiled one way at a time, where the schema has a field of the kind. */
    List<Spoiled> spoiled(JsonNode schema) {
        ObjectNode body = plausible(schema).deepCopy() instanceof ObjectNode o ? o : null;
        List<Spoiled> cases = new ArrayList<>();
        if (body == null || body.isEmpty()) {
            return cases;
        }
        String valid = body.toString();
        cases.add(new Spoiled("trailing garbage", valid + " xyz", ""));
        cases.add(new Spoiled("a second JSON value", valid + " {}", ""));
        String first = body.fieldNames().next();
        cases.add(new Spoiled("a duplicate key", "{\"" + first + "\":" + body.get(first) + "," + valid.substring(1), first));
        spoil(cases, schema, body, "a number for text", s -> isText(s), NODES.numberNode(12));
        spoil(cases, schema, body, "true for text", s -> isText(s), NODES.booleanNode(true));
        spoil(cases, schema, body, "a string for an integer", s -> type(s).equals("integer"), NODES.textNode("12"));
        spoil(cases, schema, body, "1.5 for an integer", s -> type(s).equals("integer"), NODES.numberNode(1.5));
        spoil(cases, schema, body, "1.9 for an integer", s -> type(s).equals("integer"), NODES.numberNode(1.9));
        spoil(cases, schema, body, "a string for a number", s -> type(s).equals("number"), NODES.textNode("12"));
        spoil(cases, schema, body, "a number for a boolean", s -> type(s).equals("boolean"), NODES.numberNode(12345));
        spoil(cases, schema, body, "a string for a boolean", s -> type(s).equals("boolean"), NODES.textNode("true"));
        spoil(cases, schema, body, "[] for a date", s -> s.path("format").asText().startsWith("date"), NODES.arrayNode());
        spoil(cases, schema, body, "a number for a date", s -> s.path("format").asText().startsWith("date"), NODES.numberNode(20240501));
        spoil(cases, schema, body, "an object for a scalar", s -> isScalar(s), NODES.objectNode().put("nested", true));
        ArrayNode withNull = NODES.arrayNode().addNull();
        Field list = find(schema, s -> type(s).equals("array"), "");
        if (list != null) {
            cases.add(new Spoiled("null inside a list", with(body, list.path(), withNull).toString(), list.path() + "[0]"));
        }
        return cases;
    }

    private void spoil(List<Spoiled> cases, JsonNode schema, ObjectNode body, String name, Function<JsonNode, Boolean> kind, JsonNode value) {
        Field field = find(schema, kind, "");
        if (field != null) {
            cases.add(new Spoiled(name, with(body, field.path(), value).toString(), field.path()));
        }
    }

    private record Field(String path) {
    }

    /** The first property of the kind, at the top level or inside a nested object (not inside lists: their paths would vary). */
    private Field find(JsonNode schema, Function<JsonNode, Boolean> kind, String prefix) {
        JsonNode properties = resolve(schema).path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (kind.apply(resolve(p.getValue()))) {
                return new Field(prefix + p.getKey());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (type(resolve(p.getValue())).equals("object") && resolve(p.getValue()).has("properties")) {
                Field nested = find(p.getValue(), kind, prefix + p.getKey() + ".");
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private ObjectNode with(ObjectNode body, String path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode at = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.get(parts[i]) instanceof ObjectNode o ? o : at.putObject(parts[i]);
        }
        at.set(parts[parts.length - 1], value);
        return copy;
    }

    private boolean isText(JsonNode schema) {
        return type(schema).equals("string") && !schema.has("enum") && !schema.path("format").asText().startsWith("date");
    }

    private boolean isScalar(JsonNode schema) {
        return List.of("string", "integer", "number", "boolean").contains(type(schema));
    }

    /** OpenAPI 3.1 types may be lists ({@code ["string", "null"]}); the non-null one counts. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("enum") ? "string" : "";
    }

    private JsonNode resolve(JsonNode schema) {
        for (int depth = 0; schema != null && schema.has("$ref") && depth < 10; depth++) {
            String ref = schema.get("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        if (schema != null && schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        if (schema != null && schema.has("oneOf")) {
            for (JsonNode option : schema.get("oneOf")) {
                if (!type(option).equals("null")) {
                    return resolve(option);
                }
            }
        }
        return schema;
    }
}
