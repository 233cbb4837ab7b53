package com.community.apigatewayv2.integrationresponse.local.cli;

import com.community.apigatewayv2.integrationresponse.local.stack.JsonFiles;
import com.community.apigatewayv2.integrationresponse.local.stack.LocalDeployment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The resources of a CloudFormation template (JSON, or YAML with the short-form intrinsics) that this
 * type owns. {@link #read} checks everything it can before anything is deployed; {@link #resolved}
 * then puts the ids of the parents the local stack created where the template refers to its API and
 * integration ({@code Ref}, or {@code Fn::GetAtt} of {@code ApiId} and {@code IntegrationId}).
 */
final class TemplateResources {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_TYPE = "AWS::ApiGatewayV2::Api";
    private static final String INTEGRATION_TYPE = "AWS::ApiGatewayV2::Integration";
    /** The parents a property may refer to, and the attribute that is their id. */
    private static final Map<String, String> PARENT_ID_ATTRIBUTES =
            Map.of(API_TYPE, "ApiId", INTEGRATION_TYPE, "IntegrationId");

    /** One resource of the type: its logical id and its properties as written. */
    record Resource(String logicalId, ObjectNode properties) {}

    private final Path template;
    private final JsonNode resources;
    private final List<Resource> owned;

    private TemplateResources(final Path template, final JsonNode resources, final List<Resource> owned) {
        this.template = template;
        this.resources = resources;
        this.owned = owned;
    }

    /**
     * The template's resources of {@code typeName}, each checked: properties a mapping, every
     * intrinsic one the local stack can evaluate. Fails with an IllegalArgumentException naming the
     * file, the resource and the problem.
     */
    static TemplateResources read(final Path template, final String typeName) throws IOException {
        final String text = JsonFiles.text(template);
        final JsonNode document =
                text.stripLeading().startsWith("{") ? JsonFiles.parse(template, text) : yaml(template, text);
        final JsonNode resources = document.path("Resources");
        if (!resources.isObject() || resources.isEmpty()) {
            throw new IllegalArgumentException(template + ": no Resources section (a mapping of logical ids)");
        }
        final List<Resource> owned = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.properties().iterator(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> resource = it.next();
            if (!typeName.equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            final JsonNode properties = resource.getValue().get("Properties");
            if (properties == null || properties.isNull()) {
                throw new IllegalArgumentException(
                        template + ": " + resource.getKey() + " has no Properties; " + typeName + " needs them");
            }
            if (!properties.isObject()) {
                throw new IllegalArgumentException(template + ": the Properties of " + resource.getKey()
                        + " must be a mapping, not " + kind(properties));
            }
            owned.add(new Resource(resource.getKey(), (ObjectNode) properties));
        }
        if (owned.isEmpty()) {
            throw new IllegalArgumentException(template + " has no resource of type " + typeName);
        }
        final TemplateResources read = new TemplateResources(template, resources, owned);
        for (Resource resource : owned) {
            read.substitute(resource, new LocalDeployment.Prerequisites("ApiId", "IntegrationId"));
        }
        return read;
    }

    List<Resource> owned() {
        return owned;
    }

    /** Each resource with its references to the parents replaced by the parents' ids. */
    List<Resource> resolved(final LocalDeployment.Prerequisites parents) {
        final List<Resource> resolved = new ArrayList<>();
        for (Resource resource : owned) {
            resolved.add(new Resource(resource.logicalId(), substitute(resource, parents)));
        }
        return resolved;
    }

    /**
     * A template's numbers and booleans as the strings CloudFormation passes to a handler for
     * string-typed properties (every value of this type is a string or a map of strings).
     */
    private static JsonNode asCloudFormationPassesIt(final JsonNode value) {
        if (value.isNumber() || value.isBoolean()) {
            return JSON.getNodeFactory().textNode(value.asText());
        }
        if (value.isObject()) {
            final ObjectNode copy = JSON.createObjectNode();
            value.properties().forEach(entry -> copy.set(entry.getKey(), asCloudFormationPassesIt(entry.getValue())));
            return copy;
        }
        return value;
    }

    private ObjectNode substitute(final Resource resource, final LocalDeployment.Prerequisites parents) {
        final ObjectNode resolved = (ObjectNode) asCloudFormationPassesIt(resource.properties());
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        resource.properties().properties().iterator();
                it.hasNext(); ) {
            final Map.Entry<String, JsonNode> property = it.next();
            final JsonNode value = property.getValue();
            if (!value.isObject() || value.size() != 1) {
                continue;
            }
            final String function = value.fieldNames().next();
            final String where = template + ": " + resource.logicalId() + "." + property.getKey();
            final String target;
            if ("Ref".equals(function)) {
                target = value.get("Ref").asText();
            } else if ("Fn::GetAtt".equals(function)) {
                target = getAttTarget(where, value.get("Fn::GetAtt"));
            } else if (function.startsWith("Fn::")) {
                throw new IllegalArgumentException(
                        where + " uses " + function + ", which the local stack does not evaluate");
            } else {
                continue;
            }
            final String targetType = resources.path(target).path("Type").asText();
            switch (targetType) {
                case API_TYPE -> resolved.put(property.getKey(), parents.apiId());
                case INTEGRATION_TYPE -> resolved.put(property.getKey(), parents.integrationId());
                default ->
                    throw new IllegalArgumentException(where + " refers to '" + target + "', which is not an "
                            + API_TYPE + " or " + INTEGRATION_TYPE + " in the template");
            }
        }
        return resolved;
    }

    /** The resource a GetAtt names, when the attribute is that parent's id (which resolves like Ref). */
    private String getAttTarget(final String where, final JsonNode arguments) {
        final String target;
        final String attribute;
        if (arguments.isTextual() && arguments.asText().contains(".")) {
            target = arguments.asText().substring(0, arguments.asText().indexOf('.'));
            attribute = arguments.asText().substring(arguments.asText().indexOf('.') + 1);
        } else if (arguments.isArray() && arguments.size() == 2) {
            target = arguments.get(0).asText();
            attribute = arguments.get(1).asText();
        } else {
            throw new IllegalArgumentException(
                    where + ": Fn::GetAtt takes [LogicalId, Attribute] or LogicalId.Attribute, not " + arguments);
        }
        final String idAttribute =
                PARENT_ID_ATTRIBUTES.get(resources.path(target).path("Type").asText());
        if (idAttribute != null && !idAttribute.equals(attribute)) {
            throw new IllegalArgumentException(where + " takes " + target + "." + attribute
                    + ", which the local stack does not evaluate; " + target + "." + idAttribute + " it does");
        }
        return target;
    }

    private static String kind(final JsonNode node) {
        return node.isArray()
                ? "a list"
                : node.isTextual() ? "a string" : node.getNodeType().toString().toLowerCase();
    }

    /** A YAML template as the JSON CloudFormation reads it: {@code !Ref x} is {@code {"Ref": "x"}}, and so on. */
    private static JsonNode yaml(final Path template, final String text) {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        final Object loaded;
        try {
            loaded = new Yaml(new CloudFormationConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(template + ": not YAML: " + e.getProblem()
                    + (e.getProblemMark() == null
                            ? ""
                            : " (line " + (e.getProblemMark().getLine() + 1) + ", column "
                                    + (e.getProblemMark().getColumn() + 1) + ")"));
        } catch (YAMLException e) {
            throw new IllegalArgumentException(template + ": not YAML: " + e.getMessage());
        }
        if (!(loaded instanceof Map)) {
            throw new IllegalArgumentException(template + ": not a template (a JSON object or a YAML mapping)");
        }
        return JSON.valueToTree(loaded);
    }

    /**
     * SnakeYAML's safe types, with CloudFormation's short-form intrinsics as their long forms, and dates
     * kept as the strings they were written as ({@code AWSTemplateFormatVersion: 2010-09-09}).
     */
    private static final class CloudFormationConstructor extends SafeConstructor {
        private static final List<String> FUNCTIONS = List.of(
                "And",
                "Base64",
                "Cidr",
                "Equals",
                "FindInMap",
                "GetAtt",
                "GetAZs",
                "If",
                "ImportValue",
                "Join",
                "Length",
                "Not",
                "Or",
                "Select",
                "Split",
                "Sub",
                "ToJsonString",
                "Transform");

        CloudFormationConstructor(final LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(final String key) {
                this.key = key;
            }

            @Override
            public Object construct(final Node node) {
                Object value;
                if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else if (node instanceof MappingNode mapping) {
                    value = constructMapping(mapping);
                } else {
                    value = constructScalar((ScalarNode) node);
                }
                final Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(key, value);
                return longForm;
            }
        }
    }
}
