package com.community.apigatewayv2.integrationresponse.local.apigateway.routes;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import com.community.apigatewayv2.integrationresponse.local.apigateway.operations.RequestFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A request's JSON object with typed, validating accessors. Every type mismatch becomes a 400,
 * as the service's request deserialiser does, instead of being coerced (Jackson would happily
 * turn 5 into "5"). A JSON null counts as an absent field.
 */
final class JsonRequestBody implements RequestFields {

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

    @Override
    public Optional<String> string(String field) {
        return field(field, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    @Override
    public Optional<Integer> integer(String field) {
        return field(
                field, value -> value.isIntegralNumber() && value.canConvertToInt(), "an integer", JsonNode::intValue);
    }

    @Override
    public Optional<Boolean> bool(String field) {
        return field(field, JsonNode::isBoolean, "a boolean", JsonNode::booleanValue);
    }

    @Override
    public Optional<Map<String, String>> stringMap(String field) {
        return field(field, JsonNode::isObject, "a map of strings", value -> {
            Map<String, String> map = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> entries = value.properties().iterator();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!entry.getValue().isTextual()) {
                    throw invalidType(field + "." + entry.getKey(), "a string");
                }
                map.put(entry.getKey(), entry.getValue().textValue());
            }
            return map;
        });
    }

    /** The field's value if it is there and not null; a 400 naming the type expected if it does not fit. */
    private <T> Optional<T> field(String field, Predicate<JsonNode> fits, String expected, Function<JsonNode, T> read) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!fits.test(value)) {
            throw invalidType(field, expected);
        }
        return Optional.of(read.apply(value));
    }

    private static ServiceException invalidType(String field, String expected) {
        return ServiceException.badRequest("Invalid request input: " + field + " must be " + expected);
    }
}
