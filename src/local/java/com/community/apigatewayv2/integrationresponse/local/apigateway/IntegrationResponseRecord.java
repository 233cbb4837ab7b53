package com.community.apigatewayv2.integrationresponse.local.apigateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored integration response. Unset optional fields are null and unset maps are empty, and
 * both are left out of the JSON view as the service leaves them out. The sequence number records
 * creation order and never changes, so pages stay stable while responses are added or renamed.
 */
record IntegrationResponseRecord(
        long sequence,
        String integrationResponseId,
        String integrationResponseKey,
        String contentHandlingStrategy,
        Map<String, String> responseParameters,
        Map<String, String> responseTemplates,
        String templateSelectionExpression) {

    IntegrationResponseRecord {
        responseParameters = immutableCopy(responseParameters);
        responseTemplates = immutableCopy(responseTemplates);
    }

    private static Map<String, String> immutableCopy(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (contentHandlingStrategy != null) {
            json.put("contentHandlingStrategy", contentHandlingStrategy);
        }
        json.put("integrationResponseId", integrationResponseId);
        json.put("integrationResponseKey", integrationResponseKey);
        putMapIfNotEmpty(json, "responseParameters", responseParameters);
        putMapIfNotEmpty(json, "responseTemplates", responseTemplates);
        if (templateSelectionExpression != null) {
            json.put("templateSelectionExpression", templateSelectionExpression);
        }
        return json;
    }

    private static void putMapIfNotEmpty(ObjectNode json, String field, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode node = json.putObject(field);
            map.forEach(node::put);
        }
    }
}
