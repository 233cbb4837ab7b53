package com.community.apigatewayv2.integrationresponse.local.apigateway.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One stored integration response. Unset optional fields are null and unset maps are empty, and
 * both are left out of the JSON view as the service leaves them out. The sequence number records
 * creation order and never changes, so pages stay stable while responses are added or renamed.
 */
public record IntegrationResponseRecord(
        long sequence,
        String integrationResponseId,
        String integrationResponseKey,
        String contentHandlingStrategy,
        Map<String, String> responseParameters,
        Map<String, String> responseTemplates,
        String templateSelectionExpression) {

    public IntegrationResponseRecord {
        responseParameters = responseParameters == null ? Map.of() : RecordFields.copyOf(responseParameters);
        responseTemplates = responseTemplates == null ? Map.of() : RecordFields.copyOf(responseTemplates);
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        RecordFields.putIfSet(json, "contentHandlingStrategy", contentHandlingStrategy);
        json.put("integrationResponseId", integrationResponseId);
        json.put("integrationResponseKey", integrationResponseKey);
        RecordFields.putIfSet(json, "responseParameters", responseParameters.isEmpty() ? null : responseParameters);
        RecordFields.putIfSet(json, "responseTemplates", responseTemplates.isEmpty() ? null : responseTemplates);
        RecordFields.putIfSet(json, "templateSelectionExpression", templateSelectionExpression);
        return json;
    }
}
