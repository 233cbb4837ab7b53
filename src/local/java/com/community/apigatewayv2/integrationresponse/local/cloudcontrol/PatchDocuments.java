package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.InvalidJsonPatchException;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * UpdateResource's patch, as Cloud Control applies it: RFC 6902 operations in order on the current
 * state ({@code test} included, {@code ~1} and {@code ~0} in paths), all or nothing. Operations that
 * change a create-only or read-only property are refused before anything is applied.
 */
final class PatchDocuments {
    /** RFC 6902 as written: removing or replacing what is not there fails the whole patch. */
    private static final EnumSet<CompatibilityFlags> STRICT =
            EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

    private static final ObjectMapper JSON = new ObjectMapper();

    private PatchDocuments() {}

    /** The patch document as operations, or InvalidRequestException naming what is wrong with it. */
    static JsonNode parse(final String document) throws CloudControlException {
        final JsonNode patch;
        try {
            patch = JSON.readTree(document);
        } catch (IOException e) {
            throw CloudControlException.invalidRequest("Invalid patch document: not JSON");
        }
        if (patch == null || !patch.isArray()) {
            throw CloudControlException.invalidRequest(
                    "Invalid patch document: it must be a JSON array of RFC 6902 operations");
        }
        try {
            JsonPatch.validate(patch, STRICT);
        } catch (InvalidJsonPatchException e) {
            throw CloudControlException.invalidRequest("Invalid patch document: " + e.getMessage());
        }
        return patch;
    }

    /**
     * The properties (schema pointers, e.g. {@code /properties/ApiId}) that a patch's operations change,
     * among those given; {@code test} changes nothing, {@code move} changes its source as well.
     */
    static Set<String> changed(final JsonNode patch, final List<String> propertyPointers) {
        final List<String> paths = new ArrayList<>();
        for (JsonNode operation : patch) {
            final String op = operation.path("op").asText();
            if (!"test".equals(op)) {
                paths.add(operation.path("path").asText());
            }
            if ("move".equals(op)) {
                paths.add(operation.path("from").asText());
            }
        }
        // in the schema's order, whatever the patch's
        final Set<String> touched = new LinkedHashSet<>();
        for (String pointer : propertyPointers) {
            if (paths.stream().anyMatch(path -> TypeSchema.touches(path, pointer))) {
                touched.add(pointer);
            }
        }
        return touched;
    }

    /**
     * The current state with every operation applied, or InvalidRequestException naming the first one
     * that fails (its position, op and path as given); the current state itself is never changed.
     */
    static ObjectNode apply(final JsonNode patch, final ObjectNode current) throws CloudControlException {
        JsonNode patched = current;
        for (int i = 0; i < patch.size(); i++) {
            final JsonNode operation = patch.get(i);
            try {
                patched = JsonPatch.apply(JSON.createArrayNode().add(operation), patched, STRICT);
            } catch (JsonPatchApplicationException e) {
                throw CloudControlException.invalidRequest("Invalid patch update: operation " + (i + 1) + " ("
                        + operation.path("op").asText() + " "
                        + operation.path("path").asText() + "): "
                        + e.getMessage());
            }
        }
        if (!patched.isObject()) {
            throw CloudControlException.invalidRequest("Invalid patch update: the patched model is not a JSON object");
        }
        return (ObjectNode) patched;
    }
}
