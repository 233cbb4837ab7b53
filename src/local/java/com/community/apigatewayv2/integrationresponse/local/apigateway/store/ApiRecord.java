package com.community.apigatewayv2.integrationresponse.local.apigateway.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * A stored API: what the store assigned (the sequence number, which records creation order for
 * stable pages, the identifier and the endpoint) and what the request set.
 */
public record ApiRecord(long sequence, String apiId, String apiEndpoint, ApiRecord.Spec spec) {

    public static final String WEBSOCKET = "WEBSOCKET";
    public static final String HTTP = "HTTP";

    /**
     * What the request set, defaults applied. Optional fields it left out are null (a map given empty
     * stays empty, as the service keeps it), and null fields are left out of the JSON view.
     */
    public record Spec(
            String name,
            String protocolType,
            String routeSelectionExpression,
            String apiKeySelectionExpression,
            String description,
            String version,
            Boolean disableSchemaValidation,
            boolean disableExecuteApiEndpoint,
            Map<String, String> tags,
            Instant createdDate) {

        public Spec {
            tags = RecordFields.copyOf(tags);
        }
    }

    public boolean isWebSocket() {
        return WEBSOCKET.equals(spec.protocolType());
    }

    /** The service's fields, in the order it sends them. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", spec.name());
        json.put("protocolType", spec.protocolType());
        json.put("routeSelectionExpression", spec.routeSelectionExpression());
        json.put("apiKeySelectionExpression", spec.apiKeySelectionExpression());
        RecordFields.putIfSet(json, "description", spec.description());
        RecordFields.putIfSet(json, "version", spec.version());
        if (spec.disableSchemaValidation() != null) {
            json.put("disableSchemaValidation", spec.disableSchemaValidation());
        }
        json.put("disableExecuteApiEndpoint", spec.disableExecuteApiEndpoint());
        RecordFields.putIfSet(json, "tags", spec.tags());
        json.put("createdDate", spec.createdDate().toString());
        json.put("apiId", apiId);
        json.put("apiEndpoint", apiEndpoint);
        return json;
    }
}
