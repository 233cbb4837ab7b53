package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The eight operations of Cloud Control API (2021-09-30) for one type, with the service's shapes:
 * each takes the request's JSON body and answers the response's, or throws the service's error.
 */
final class CloudControlOperations {
    static final Set<String> NAMES = Set.of(
            "CreateResource",
            "GetResource",
            "UpdateResource",
            "DeleteResource",
            "ListResources",
            "GetResourceRequestStatus",
            "ListResourceRequests",
            "CancelResourceRequest");

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}");
    private static final Pattern TOKEN = Pattern.compile("[-A-Za-z0-9+/=]+");
    private static final int PROPERTIES_MAX = 262_144;
    private static final int DEFAULT_REQUESTS_PAGE = 20;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final ObjectMapper json;
    private final TypeSchema schema;
    private final HandlerCalls handler;
    private final ResourceRequests requests;

    CloudControlOperations(
            final ObjectMapper json,
            final TypeSchema schema,
            final HandlerCalls handler,
            final ResourceRequests requests) {
        this.json = json;
        this.schema = schema;
        this.handler = handler;
        this.requests = requests;
    }

    JsonNode execute(final String operation, final JsonNode input) throws CloudControlException {
        final long arrived = System.nanoTime();
        return switch (operation) {
            case "CreateResource" -> createResource(input, arrived);
            case "GetResource" -> getResource(input);
            case "UpdateResource" -> updateResource(input, arrived);
            case "DeleteResource" -> deleteResource(input, arrived);
            case "ListResources" -> listResources(input);
            case "GetResourceRequestStatus" -> progress(requests.get(token(input, "RequestToken")));
            case "ListResourceRequests" -> listResourceRequests(input);
            case "CancelResourceRequest" -> cancelResourceRequest(input);
            default -> throw new CloudControlException("UnknownOperationException", "Unknown operation " + operation);
        };
    }

    private JsonNode createResource(final JsonNode input, final long arrived) throws CloudControlException {
        requireType(input);
        final String clientToken = clientToken(input);
        final ObjectNode desired = properties(input, "DesiredState", true);
        final ResourceRequest request =
                requests.open("CREATE", null, clientToken, "CREATE " + canonical(desired), arrived);
        if (isNew(request)) {
            handler.start(request, handler.request("CREATE", desired, null));
        }
        return progress(request);
    }

    private JsonNode getResource(final JsonNode input) throws CloudControlException {
        requireType(input);
        final ObjectNode identifier = schema.identifierModel(string(input, "Identifier", true, 1024));
        final JsonNode model =
                handler.call(handler.request("READ", identifier, null)).path("resourceModel");
        final ObjectNode answer = json.createObjectNode().put("TypeName", schema.typeName());
        answer.putObject("ResourceDescription")
                .put(
                        "Identifier",
                        schema.identifierOf(model)
                                .orElse(schema.identifierOf(identifier).orElseThrow()))
                .put("Properties", model.toString());
        return answer;
    }

    private JsonNode updateResource(final JsonNode input, final long arrived) throws CloudControlException {
        requireType(input);
        final String clientToken = clientToken(input);
        final ObjectNode identifierModel = schema.identifierModel(string(input, "Identifier", true, 1024));
        final String identifier = schema.identifierOf(identifierModel).orElseThrow();
        final String document = string(input, "PatchDocument", true, PROPERTIES_MAX);
        final String fingerprint = "UPDATE " + identifier + " " + document;
        final var earlier = requests.replay(clientToken, fingerprint);
        if (earlier.isPresent()) {
            return progress(earlier.get());
        }
        final JsonNode patch = PatchDocuments.parse(document);
        refuseChanges(patch, schema.createOnlyProperties(), "createOnlyProperties");
        refuseChanges(patch, schema.readOnlyProperties(), "readOnlyProperties");
        final long readStarted = System.nanoTime();
        final JsonNode current =
                handler.call(handler.request("READ", identifierModel, null)).path("resourceModel");
        final long readNanos = System.nanoTime() - readStarted;
        if (!current.isObject()) {
            throw new CloudControlException(
                    "HandlerInternalFailureException", "The handler's READ answered SUCCESS without a model");
        }
        final ObjectNode patched = PatchDocuments.apply(patch, (ObjectNode) current);
        final var violations = schema.violations(patched);
        if (violations.isPresent()) {
            throw CloudControlException.invalidRequest("Model validation failed (" + violations.get() + ")");
        }
        final ResourceRequest request = requests.open("UPDATE", identifier, clientToken, fingerprint, arrived);
        if (isNew(request)) {
            request.invoked(readNanos);
            handler.start(request, handler.request("UPDATE", patched, current));
        }
        return progress(request);
    }

    private void refuseChanges(final JsonNode patch, final List<String> properties, final String kind)
            throws CloudControlException {
        final Set<String> changed = PatchDocuments.changed(patch, properties);
        if (!changed.isEmpty()) {
            throw new CloudControlException(
                    "NotUpdatableException",
                    "Invalid patch update: " + kind + " " + changed.toString().replace(", ", ",")
                            + " cannot be updated");
        }
    }

    private JsonNode deleteResource(final JsonNode input, final long arrived) throws CloudControlException {
        requireType(input);
        final String clientToken = clientToken(input);
        final ObjectNode identifierModel = schema.identifierModel(string(input, "Identifier", true, 1024));
        final String identifier = schema.identifierOf(identifierModel).orElseThrow();
        final ResourceRequest request =
                requests.open("DELETE", identifier, clientToken, "DELETE " + identifier, arrived);
        if (isNew(request)) {
            handler.start(request, handler.request("DELETE", identifierModel, null));
        }
        return progress(request);
    }

    private JsonNode listResources(final JsonNode input) throws CloudControlException {
        requireType(input);
        final ObjectNode model =
                input.hasNonNull("ResourceModel") ? properties(input, "ResourceModel", false) : json.createObjectNode();
        final var violations = schema.listViolations(model);
        if (violations.isPresent()) {
            throw CloudControlException.invalidRequest("Missing or invalid ResourceModel property in "
                    + schema.typeName() + " list handler request input. Required property: (" + violations.get()
                    + ")");
        }
        final ObjectNode request = handler.request("LIST", model, null);
        final String nextToken = string(input, "NextToken", false, 4096);
        if (nextToken != null) {
            request.put("nextToken", nextToken);
        }
        if (input.has("MaxResults")) {
            request.put("maxResults", integer(input, "MaxResults", 1, 100));
        }
        final JsonNode event = handler.call(request);
        final ObjectNode answer = json.createObjectNode().put("TypeName", schema.typeName());
        final ArrayNode descriptions = answer.putArray("ResourceDescriptions");
        for (JsonNode found : event.path("resourceModels")) {
            descriptions
                    .addObject()
                    .put("Identifier", schema.identifierOf(found).orElse(""))
                    .put("Properties", found.toString());
        }
        if (event.hasNonNull("nextToken")) {
            answer.put("NextToken", event.get("nextToken").asText());
        }
        return answer;
    }

    private JsonNode listResourceRequests(final JsonNode input) throws CloudControlException {
        final int pageSize = input.has("MaxResults") ? integer(input, "MaxResults", 1, 100) : DEFAULT_REQUESTS_PAGE;
        final String nextToken = string(input, "NextToken", false, 2048);
        int offset = 0;
        if (nextToken != null) {
            offset = offset(nextToken);
        }
        final JsonNode filter = input.path("ResourceRequestStatusFilter");
        final List<ResourceRequest> matching = requests.newestFirst().stream()
                .filter(request -> request.matches(filter.get("Operations"), filter.get("OperationStatuses")))
                .toList();
        final ObjectNode answer = json.createObjectNode();
        final ArrayNode summaries = answer.putArray("ResourceRequestStatusSummaries");
        matching.stream().skip(offset).limit(pageSize).forEach(request -> summaries.add(request.progressEvent(json)));
        if (offset + pageSize < matching.size()) {
            answer.put(
                    "NextToken",
                    Base64.getEncoder()
                            .encodeToString(("offset:" + (offset + pageSize)).getBytes(StandardCharsets.UTF_8)));
        }
        return answer;
    }

    private static int offset(final String nextToken) throws CloudControlException {
        try {
            final String decoded = new String(Base64.getDecoder().decode(nextToken), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                final int offset = Integer.parseInt(decoded.substring("offset:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw CloudControlException.invalidRequest("Invalid NextToken: use the one the previous page returned");
    }

    private JsonNode cancelResourceRequest(final JsonNode input) throws CloudControlException {
        final ResourceRequest request = requests.get(token(input, "RequestToken"));
        if (!request.cancel()) {
            throw new CloudControlException(
                    "ConcurrentModificationException",
                    "The request " + request.requestToken() + " has finished (" + request.status()
                            + "); only PENDING and IN_PROGRESS requests can be cancelled");
        }
        return progress(request);
    }

    private ObjectNode progress(final ResourceRequest request) {
        final ObjectNode answer = json.createObjectNode();
        answer.set("ProgressEvent", request.progressEvent(json));
        return answer;
    }

    /** True the first time a request is seen; a replay by client token finds it already started. */
    private final Set<String> started = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private boolean isNew(final ResourceRequest request) {
        return started.add(request.requestToken());
    }

    private void requireType(final JsonNode input) throws CloudControlException {
        final String typeName = string(input, "TypeName", true, 196);
        if (!TYPE_NAME.matcher(typeName).matches()) {
            throw CloudControlException.validation(
                    "typeName", typeName, "Member must satisfy regular expression pattern: " + TYPE_NAME.pattern());
        }
        if (!schema.typeName().equals(typeName)) {
            throw CloudControlException.typeNotFound(typeName);
        }
        if (input.hasNonNull("RoleArn")) {
            string(input, "RoleArn", false, 2048);
        }
    }

    private static String clientToken(final JsonNode input) throws CloudControlException {
        return input.hasNonNull("ClientToken") ? token(input, "ClientToken") : null;
    }

    private static String token(final JsonNode input, final String member) throws CloudControlException {
        final String token = string(input, member, true, 128);
        if (!TOKEN.matcher(token).matches()) {
            throw CloudControlException.validation(
                    lowerFirst(member), token, "Member must satisfy regular expression pattern: " + TOKEN.pattern());
        }
        return token;
    }

    /** A JSON string member holding a JSON object: DesiredState, ResourceModel. Its value is never echoed. */
    private ObjectNode properties(final JsonNode input, final String member, final boolean required)
            throws CloudControlException {
        final String text = string(input, member, required, PROPERTIES_MAX);
        final JsonNode parsed;
        try {
            parsed = json.readTree(text);
        } catch (IOException e) {
            throw CloudControlException.invalidRequest(member + " is not valid JSON");
        }
        if (parsed == null || !parsed.isObject()) {
            throw CloudControlException.invalidRequest(member + " must be a JSON object of the type's properties");
        }
        return (ObjectNode) parsed;
    }

    private static String string(final JsonNode input, final String member, final boolean required, final int max)
            throws CloudControlException {
        final JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw CloudControlException.validation(lowerFirst(member), null, "Member must not be null");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new CloudControlException(
                    "SerializationException", member + " must be a string, not " + value.getNodeType());
        }
        final String text = value.asText();
        if (text.isEmpty() || text.length() > max) {
            throw CloudControlException.validation(
                    lowerFirst(member), null, "Member must have length between 1 and " + max);
        }
        return text;
    }

    private static int integer(final JsonNode input, final String member, final int min, final int max)
            throws CloudControlException {
        final JsonNode value = input.get(member);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new CloudControlException("SerializationException", member + " must be an integer");
        }
        final int number = value.intValue();
        if (number < min || number > max) {
            throw CloudControlException.validation(
                    lowerFirst(member),
                    number,
                    "Member must have value "
                            + (number < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return number;
    }

    private static String lowerFirst(final String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    /** The same properties in any key order give the same string. */
    private static String canonical(final JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
