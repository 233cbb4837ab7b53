package com.community.apigatewayv2.integrationresponse.local.cli;

import com.community.apigatewayv2.integrationresponse.local.stack.LocalDeployment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The resources of a CloudFormation template (JSON) that this type owns, with their {@code Ref}s to
 * the parent API and integration resolved to the ids of parents the local stack created.
 */
final class TemplateResources {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_TYPE = "AWS::ApiGatewayV2::Api";
    private static final String INTEGRATION_TYPE = "AWS::ApiGatewayV2::Integration";

    private TemplateResources() {}

    /** Each owned resource's properties, in template order; fails naming the problem when there are none. */
    static List<JsonNode> owned(final Path template, final String typeName, final LocalDeployment.Prerequisites parents)
            throws IOException {
        if (!Files.isRegularFile(template)) {
            throw new NoSuchFileException(template.toString());
        }
        final JsonNode resources = JSON.readTree(template.toFile()).path("Resources");
        final List<JsonNode> owned = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.properties().iterator(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> resource = it.next();
            if (typeName.equals(resource.getValue().path("Type").asText())) {
                owned.add(resolve(resource.getKey(), resource.getValue().path("Properties"), resources, parents));
            }
        }
        if (owned.isEmpty()) {
            throw new IllegalArgumentException(template + " has no resource of type " + typeName);
        }
        return owned;
    }

    private static JsonNode resolve(
            final String name,
            final JsonNode properties,
            final JsonNode resources,
            final LocalDeployment.Prerequisites parents) {
        final ObjectNode resolved = properties.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> property = it.next();
            final JsonNode value = property.getValue();
            if (!value.isObject()) {
                continue;
            }
            if (!value.has("Ref") || value.size() != 1) {
                if (value.fieldNames().hasNext() && value.fieldNames().next().startsWith("Fn::")) {
                    throw new IllegalArgumentException(name + "." + property.getKey() + " uses "
                            + value.fieldNames().next() + ", which the local stack does not evaluate");
                }
                continue;
            }
            final String target = value.get("Ref").asText();
            final String targetType = resources.path(target).path("Type").asText();
            switch (targetType) {
                case API_TYPE -> resolved.put(property.getKey(), parents.apiId());
                case INTEGRATION_TYPE -> resolved.put(property.getKey(), parents.integrationId());
                default ->
                    throw new IllegalArgumentException(name + "." + property.getKey() + " refers to '" + target
                            + "', which is not an " + API_TYPE + " or " + INTEGRATION_TYPE + " in the template");
            }
        }
        return resolved;
    }
}
