package com.community.apigatewayv2.integrationresponse.local.apigateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request's JSON object with typed, validating accessors. Every type mismatch becomes a 400,
 * as the service's request deserialiser does, instead of being coerced (Jackson would happily
 * turn 5 into "5"). A JSON null counts as an absent field.
 */
final class JsonRequestBody {

    private final ObjectNode fields;

    private JsonRequestBody(ObjectNode fields) {
        this.fields = fields;
    }

    /** An empty body is an empty object: the caller's required-field checks then name what is missing. */
    static JsonRequestBody parse(ObjectMapper mapper, byte[] body) {
        if (body.length == 0) {
            return new JsonRequestBody(mapper.createObjectNode());
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ServiceException.badRequest("Could not parse request body into json: malformed JSON");
        } catch (IOException e) {
            throw ServiceException.badRequest("Could not read request body");
        }
        if (tree == null || tree.isMissingNode()) {
            return new JsonRequestBody(mapper.createObjectNode());
        }
        if (!tree.isObject()) {
            throw ServiceException.badRequest("Request body must be a JSON object");
        }
        return new JsonRequestBody((ObjectNode) tree);
    }

    boolean has(String field) {
        JsonNode value = fields.get(field);
        return value != null && !value.isNull();
    }

    Optional<String> string(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = fields.get(field);
        if (!value.isTextual()) {
            throw invalidType(field, "a string");
        }
        return Optional.of(value.textValue());
    }

    String requiredString(String field) {
        return string(field).orElseThrow(() -> missing(field));
    }

    Optional<Integer> integer(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = fields.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalidType(field, "an integer");
        }
        return Optional.of(value.intValue());
    }

    Optional<Boolean> bool(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = fields.get(field);
        if (!value.isBoolean()) {
            throw invalidType(field, "a boolean");
        }
        return Optional.of(value.booleanValue());
    }

    /** A string-to-string map, sorted by key so stored state prints the same way every time. */
    Optional<Map<String, String>> stringMap(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = fields.get(field);
        if (!value.isObject()) {
            throw invalidType(field, "a map of strings");
        }
        Map<String, String> map = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = value.properties().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isTextual()) {
                throw invalidType(field + "." + entry.getKey(), "a string");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return Optional.of(map);
    }

    static ServiceException missing(String field) {
        return ServiceException.badRequest("Invalid request input: missing required field " + field);
    }

    private static ServiceException invalidType(String field, String expected) {
        return ServiceException.badRequest("Invalid request input: " + field + " must be " + expected);
    }
}
