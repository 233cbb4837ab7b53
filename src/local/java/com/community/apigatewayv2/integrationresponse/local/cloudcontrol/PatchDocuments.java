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
public final class PatchDocuments {
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
            validateAsWritten(patch);
        } catch (InvalidJsonPatchException e) {
            throw CloudControlException.invalidRequest("Invalid patch document: " + e.getMessage());
        }
        return patch;
    }

    /**
     * The properties (schema pointers, e.g. {@code /properties/ApiId}) that a patch's operations change,
     * among those given; {@code test} changes nothing, {@code move} changes its source as well.
     */
    public static Set<String> changed(final JsonNode patch, final List<String> propertyPointers) {
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
                patched = applyAsWritten(JSON.createArrayNode().add(operation), patched);
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

    /** Throws zjsonpatch's InvalidJsonPatchException when the patch is not RFC 6902 operations. */
    public static void validateAsWritten(final JsonNode patch) {
        JsonPatch.validate(patch, STRICT);
    }

    /**
     * The document with the patch applied as Cloud Control applies it; zjsonpatch's
     * JsonPatchApplicationException when an operation fails (a {@code test} that does not hold, a
     * {@code remove} of what is not there).
     */
    public static JsonNode applyAsWritten(final JsonNode patch, final JsonNode document) {
        return JsonPatch.apply(patch, document, STRICT);
    }
}
