package com.community.apigatewayv2.integrationresponse.local.apigateway.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A stored integration: what the store assigned (the sequence number, which records creation order
 * for stable pages, and the identifier) and what the request set.
 */
public record IntegrationRecord(long sequence, String integrationId, IntegrationRecord.Spec spec) {

    /**
     * What the request set, defaults applied. Optional fields it left out are null (a map given empty
     * stays empty, as the service keeps it), and null fields are left out of the JSON view.
     */
    public record Spec(
            String integrationType,
            String integrationUri,
            String integrationMethod,
            String integrationSubtype,
            String connectionId,
            String credentialsArn,
            String description,
            String payloadFormatVersion,
            String templateSelectionExpression,
            String connectionType,
            String passthroughBehavior,
            String contentHandlingStrategy,
            Map<String, String> requestParameters,
            Map<String, String> requestTemplates,
            int timeoutInMillis) {

        public Spec {
            requestParameters = RecordFields.copyOf(requestParameters);
            requestTemplates = RecordFields.copyOf(requestTemplates);
        }
    }

    /** The service's fields, in the order it sends them; this emulator never manages an integration itself. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("apiGatewayManaged", false);
        json.put("integrationType", spec.integrationType());
        RecordFields.putIfSet(json, "integrationUri", spec.integrationUri());
        RecordFields.putIfSet(json, "integrationMethod", spec.integrationMethod());
        RecordFields.putIfSet(json, "integrationSubtype", spec.integrationSubtype());
        RecordFields.putIfSet(json, "connectionId", spec.connectionId());
        RecordFields.putIfSet(json, "credentialsArn", spec.credentialsArn());
        RecordFields.putIfSet(json, "description", spec.description());
        RecordFields.putIfSet(json, "payloadFormatVersion", spec.payloadFormatVersion());
        RecordFields.putIfSet(json, "templateSelectionExpression", spec.templateSelectionExpression());
        json.put("connectionType", spec.connectionType());
        RecordFields.putIfSet(json, "passthroughBehavior", spec.passthroughBehavior());
        RecordFields.putIfSet(json, "contentHandlingStrategy", spec.contentHandlingStrategy());
        RecordFields.putIfSet(json, "requestParameters", spec.requestParameters());
        RecordFields.putIfSet(json, "requestTemplates", spec.requestTemplates());
        json.put("timeoutInMillis", spec.timeoutInMillis());
        json.put("integrationId", integrationId);
        return json;
    }
}
