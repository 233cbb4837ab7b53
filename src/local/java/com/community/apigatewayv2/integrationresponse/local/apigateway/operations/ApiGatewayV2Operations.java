package com.community.apigatewayv2.integrationresponse.local.apigateway.operations;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import com.community.apigatewayv2.integrationresponse.local.apigateway.store.ApiGatewayV2Store;
import com.community.apigatewayv2.integrationresponse.local.apigateway.store.ApiGatewayV2Store.IntegrationResponseDraft;
import com.community.apigatewayv2.integrationresponse.local.apigateway.store.ApiRecord;
import com.community.apigatewayv2.integrationresponse.local.apigateway.store.IntegrationRecord;
import com.community.apigatewayv2.integrationresponse.local.apigateway.store.IntegrationResponseRecord;
import com.community.apigatewayv2.integrationresponse.local.apigateway.store.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Turns a routed request into store calls and the service's JSON answers. Request bodies are
 * fully validated before the store is touched, so a rejected request never changes state.
 */
public final class ApiGatewayV2Operations {

    /** What to answer: a status and a JSON body, or no body when {@code body} is null. */
    public record Result(int status, JsonNode body) {}

    public static final int DEFAULT_MAX_RESULTS = 100;
    public static final int LARGEST_MAX_RESULTS = 500;

    private static final Set<String> PROTOCOL_TYPES = Set.of(ApiRecord.WEBSOCKET, ApiRecord.HTTP);
    private static final Set<String> INTEGRATION_TYPES = Set.of("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK");
    private static final Set<String> HTTP_API_INTEGRATION_TYPES = Set.of("AWS_PROXY", "HTTP_PROXY");
    private static final Set<String> CONNECTION_TYPES = Set.of("INTERNET", "VPC_LINK");
    private static final Set<String> PASSTHROUGH_BEHAVIORS = Set.of("WHEN_NO_MATCH", "NEVER", "WHEN_NO_TEMPLATES");

    private final ApiGatewayV2Store store;
    private final IntSupplier defaultPageSize;

    /** @param defaultPageSize the page size of a list request that names no {@code maxResults} */
    public ApiGatewayV2Operations(ApiGatewayV2Store store, IntSupplier defaultPageSize) {
        this.store = store;
        this.defaultPageSize = defaultPageSize;
    }

    /**
     * @param body the request's body, parsed when the operation reads it (a body an operation does not
     *     read is never parsed, so it cannot fail the request)
     */
    public Result execute(
            Operation operation, Map<String, String> path, Map<String, String> query, Supplier<RequestFields> body) {
        String apiId = path.get("apiId");
        String integrationId = path.get("integrationId");
        String responseId = path.get("integrationResponseId");
        switch (operation) {
            case CREATE_API:
                return new Result(201, createApi(body.get()).toJson());
            case GET_API:
                return ok(store.getApi(apiId).toJson());
            case GET_APIS:
                return ok(pageJson(store.listApis(query.get("nextToken"), maxResults(query)), ApiRecord::toJson));
            case DELETE_API:
                store.deleteApi(apiId);
                return noContent();
            case CREATE_INTEGRATION:
                return new Result(201, createIntegration(apiId, body.get()).toJson());
            case GET_INTEGRATION:
                return ok(store.getIntegration(apiId, integrationId).toJson());
            case GET_INTEGRATIONS:
                return ok(pageJson(
                        store.listIntegrations(apiId, query.get("nextToken"), maxResults(query)),
                        IntegrationRecord::toJson));
            case DELETE_INTEGRATION:
                store.deleteIntegration(apiId, integrationId);
                return noContent();
            case CREATE_INTEGRATION_RESPONSE:
                return new Result(
                        201,
                        store.createIntegrationResponse(apiId, integrationId, integrationResponseDraft(body.get()))
                                .toJson());
            case GET_INTEGRATION_RESPONSE:
                return ok(store.getIntegrationResponse(apiId, integrationId, responseId)
                        .toJson());
            case GET_INTEGRATION_RESPONSES:
                return ok(pageJson(
                        store.listIntegrationResponses(apiId, integrationId, query.get("nextToken"), maxResults(query)),
                        IntegrationResponseRecord::toJson));
            case UPDATE_INTEGRATION_RESPONSE:
                return ok(updateIntegrationResponse(apiId, integrationId, responseId, body.get())
                        .toJson());
            case DELETE_INTEGRATION_RESPONSE:
                store.deleteIntegrationResponse(apiId, integrationId, responseId);
                return noContent();
            default:
                throw new IllegalStateException("no implementation for " + operation);
        }
    }

    private ApiRecord createApi(RequestFields request) {
        String name = request.requiredString("name");
        String protocolType = request.requiredString("protocolType");
        if (!PROTOCOL_TYPES.contains(protocolType)) {
            throw ServiceException.badRequest("Invalid protocolType: must be WEBSOCKET or HTTP");
        }
        boolean webSocket = ApiRecord.WEBSOCKET.equals(protocolType);
        String routeSelectionExpression = request.string("routeSelectionExpression")
                .orElseGet(() -> webSocket ? null : "$request.method $request.path");
        if (routeSelectionExpression == null) {
            throw RequestFields.missing("routeSelectionExpression");
        }
        return store.createApi(new ApiRecord.Spec(
                name,
                protocolType,
                routeSelectionExpression,
                request.string("apiKeySelectionExpression").orElse("$request.header.x-api-key"),
                request.string("description").orElse(null),
                request.string("version").orElse(null),
                request.bool("disableSchemaValidation").orElse(null),
                request.bool("disableExecuteApiEndpoint").orElse(false),
                request.stringMap("tags").orElse(null),
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    private IntegrationRecord createIntegration(String apiId, RequestFields request) {
        String integrationType = request.requiredString("integrationType");
        if (!INTEGRATION_TYPES.contains(integrationType)) {
            throw ServiceException.badRequest(
                    "Invalid integrationType: must be one of AWS, AWS_PROXY, HTTP, " + "HTTP_PROXY, MOCK");
        }
        // each field is read (and refused) in the order the service checks them
        String integrationUri = request.string("integrationUri").orElse(null);
        String integrationMethod = request.string("integrationMethod").orElse(null);
        String integrationSubtype = request.string("integrationSubtype").orElse(null);
        String connectionId = request.string("connectionId").orElse(null);
        String credentialsArn = request.string("credentialsArn").orElse(null);
        String description = request.string("description").orElse(null);
        String payloadFormatVersion = request.string("payloadFormatVersion").orElse(null);
        String templateSelectionExpression =
                request.string("templateSelectionExpression").orElse(null);
        String connectionType = oneOf(request, "connectionType", CONNECTION_TYPES, "INTERNET");
        String passthroughBehavior = oneOf(request, "passthroughBehavior", PASSTHROUGH_BEHAVIORS, null);
        String contentHandlingStrategy = request.string("contentHandlingStrategy")
                .map(IntegrationResponseRules::requireValidContentHandlingStrategy)
                .orElse(null);
        Map<String, String> requestParameters =
                request.stringMap("requestParameters").orElse(null);
        Map<String, String> requestTemplates =
                request.stringMap("requestTemplates").orElse(null);
        boolean httpApi = !store.getApi(apiId).isWebSocket();
        if (httpApi && !HTTP_API_INTEGRATION_TYPES.contains(integrationType)) {
            throw ServiceException.badRequest("Integration type " + integrationType
                    + " is not supported for HTTP APIs; use AWS_PROXY or HTTP_PROXY");
        }
        int timeoutLimit = httpApi ? 30000 : 29000;
        int timeout = request.integer("timeoutInMillis").orElse(timeoutLimit);
        if (timeout < 50 || timeout > timeoutLimit) {
            throw ServiceException.badRequest("Invalid timeoutInMillis: must be between 50 and " + timeoutLimit);
        }
        return store.createIntegration(
                apiId,
                new IntegrationRecord.Spec(
                        integrationType,
                        integrationUri,
                        integrationMethod,
                        integrationSubtype,
                        connectionId,
                        credentialsArn,
                        description,
                        payloadFormatVersion,
                        templateSelectionExpression,
                        connectionType,
                        passthroughBehavior,
                        contentHandlingStrategy,
                        requestParameters,
                        requestTemplates,
                        timeout));
    }

    private static String oneOf(RequestFields request, String field, Set<String> allowed, String fallback) {
        String value = request.string(field).orElse(fallback);
        if (value != null && !allowed.contains(value)) {
            throw ServiceException.badRequest("Invalid " + field + ": must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static IntegrationResponseDraft integrationResponseDraft(RequestFields request) {
        String key = IntegrationResponseRules.requireValidKey(request.requiredString("integrationResponseKey"));
        String contentHandling = request.string("contentHandlingStrategy")
                .map(IntegrationResponseRules::requireValidContentHandlingStrategy)
                .orElse(null);
        // an empty expression selects nothing, so it is stored as unset
        String templateSelection = request.string("templateSelectionExpression")
                .filter(value -> !value.isEmpty())
                .orElse(null);
        return new IntegrationResponseDraft(
                key,
                contentHandling,
                request.stringMap("responseParameters")
                        .map(IntegrationResponseRules::requireValidResponseParameters)
                        .orElse(null),
                request.stringMap("responseTemplates").orElse(null),
                templateSelection);
    }

    /** PATCH: absent fields stay, "" clears a string field, a present map replaces the stored one whole. */
    private IntegrationResponseRecord updateIntegrationResponse(
            String apiId, String integrationId, String responseId, RequestFields request) {
        String newKey = request.string("integrationResponseKey")
                .map(IntegrationResponseRules::requireValidKey)
                .orElse(null);
        String newContentHandling = request.string("contentHandlingStrategy")
                .map(value ->
                        value.isEmpty() ? value : IntegrationResponseRules.requireValidContentHandlingStrategy(value))
                .orElse(null);
        String newTemplateSelection =
                request.string("templateSelectionExpression").orElse(null);
        Map<String, String> newParameters = request.stringMap("responseParameters")
                .map(IntegrationResponseRules::requireValidResponseParameters)
                .orElse(null);
        Map<String, String> newTemplates =
                request.stringMap("responseTemplates").orElse(null);
        return store.updateIntegrationResponse(
                apiId,
                integrationId,
                responseId,
                current -> new IntegrationResponseRecord(
                        current.sequence(),
                        current.integrationResponseId(),
                        newKey != null ? newKey : current.integrationResponseKey(),
                        patchString(current.contentHandlingStrategy(), newContentHandling),
                        newParameters != null ? newParameters : current.responseParameters(),
                        newTemplates != null ? newTemplates : current.responseTemplates(),
                        patchString(current.templateSelectionExpression(), newTemplateSelection)));
    }

    private static String patchString(String current, String patch) {
        if (patch == null) {
            return current;
        }
        return patch.isEmpty() ? null : patch;
    }

    private int maxResults(Map<String, String> query) {
        String raw = query.get("maxResults");
        if (raw == null) {
            return defaultPageSize.getAsInt();
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= LARGEST_MAX_RESULTS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw ServiceException.badRequest("Invalid maxResults: must be an integer from 1 to " + LARGEST_MAX_RESULTS);
    }

    private <T> ObjectNode pageJson(Page<T> page, Function<T, ObjectNode> toJson) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode items = json.putArray("items");
        page.items().forEach(item -> items.add(toJson.apply(item)));
        if (page.nextToken() != null) {
            json.put("nextToken", page.nextToken());
        }
        return json;
    }

    private static Result ok(JsonNode body) {
        return new Result(200, body);
    }

    private static Result noContent() {
        return new Result(204, null);
    }
}
