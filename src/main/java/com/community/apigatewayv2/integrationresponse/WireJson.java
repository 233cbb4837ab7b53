package com.community.apigatewayv2.integrationresponse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * The ProgressEvent JSON the wrapper writes without Jackson: the text the runtime's {@code Serializer}
 * writes for the same event (fields in declaration order, nulls left out, {@code callbackDelaySeconds}
 * always, strings escaped as Jackson escapes them), so CloudFormation reads one format whichever path
 * answered. Also the model's JSON property names, which the lean request reader accepts.
 */
final class WireJson {
    /** The resource properties, as {@code ResourceModel} names them for JSON and the schema declares them. */
    static final Set<String> MODEL_PROPERTIES = Set.of("ApiId", "IntegrationId", "IntegrationResponseId",
        "IntegrationResponseKey", "ContentHandlingStrategy", "ResponseParameters", "ResponseTemplates",
        "TemplateSelectionExpression");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WireJson() {
    }

    /**
     * The event as JSON, or null when it carries a callback context, which only the runtime's
     * mapping writes (no handler here returns one). Result and annotations are never written: the
     * wrapper removes them from every response, as the runtime does.
     */
    static String event(final ProgressEvent<ResourceModel, CallbackContext> event) {
        if (event.getCallbackContext() != null) {
            return null;
        }
        final StringBuilder json = new StringBuilder(256).append('{');
        if (event.getStatus() != null) {
            field(json, "status").append('"').append(event.getStatus().name()).append('"');
        }
        if (event.getErrorCode() != null) {
            field(json, "errorCode").append('"').append(event.getErrorCode().name()).append('"');
        }
        if (event.getMessage() != null) {
            string(field(json, "message"), event.getMessage());
        }
        field(json, "callbackDelaySeconds").append(event.getCallbackDelaySeconds());
        if (event.getResourceModel() != null) {
            model(field(json, "resourceModel"), event.getResourceModel());
        }
        final List<ResourceModel> models = event.getResourceModels();
        if (models != null) {
            field(json, "resourceModels").append('[');
            for (int i = 0; i < models.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                if (models.get(i) == null) {
                    json.append("null");
                } else {
                    model(json, models.get(i));
                }
            }
            json.append(']');
        }
        if (event.getNextToken() != null) {
            string(field(json, "nextToken"), event.getNextToken());
        }
        return json.append('}').toString();
    }

    private static void model(final StringBuilder json, final ResourceModel model) {
        json.append('{');
        stringProperty(json, "ApiId", model.getApiId());
        stringProperty(json, "IntegrationId", model.getIntegrationId());
        stringProperty(json, "IntegrationResponseId", model.getIntegrationResponseId());
        stringProperty(json, "IntegrationResponseKey", model.getIntegrationResponseKey());
        stringProperty(json, "ContentHandlingStrategy", model.getContentHandlingStrategy());
        mapProperty(json, "ResponseParameters", model.getResponseParameters());
        mapProperty(json, "ResponseTemplates", model.getResponseTemplates());
        stringProperty(json, "TemplateSelectionExpression", model.getTemplateSelectionExpression());
        json.append('}');
    }

    private static void stringProperty(final StringBuilder json, final String name, final String value) {
        if (value != null) {
            string(field(json, name), value);
        }
    }

    /** Entries whose value is null are left out, as the runtime's mapper leaves them out. */
    private static void mapProperty(final StringBuilder json, final String name, final Map<String, String> map) {
        if (map == null) {
            return;
        }
        field(json, name).append('{');
        boolean first = true;
        for (final Map.Entry<String, String> entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, entry.getKey()).append(':');
            string(json, entry.getValue());
        }
        json.append('}');
    }

    /** Opens a field: the comma unless it is the object's first, then the quoted name and the colon. */
    private static StringBuilder field(final StringBuilder json, final String name) {
        if (json.charAt(json.length() - 1) != '{') {
            json.append(',');
        }
        return json.append('"').append(name).append("\":");
    }

    /** A JSON string as Jackson writes it: quote and backslash escaped, control characters as short or \\u escapes. */
    static StringBuilder string(final StringBuilder json, final String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\b':
                    json.append("\\b");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\f':
                    json.append("\\f");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                default:
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
            }
        }
        return json.append('"');
    }
}
