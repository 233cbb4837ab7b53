package com.community.apigatewayv2.integrationresponse.lambda;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property;
import java.util.List;
import java.util.Map;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * The ProgressEvent JSON the wrapper writes without Jackson: the text the runtime's {@code Serializer}
 * writes for the same event (fields in declaration order, nulls left out, {@code callbackDelaySeconds}
 * always, strings escaped as Jackson escapes them), so CloudFormation reads one format whichever path
 * answered.
 */
final class WireJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WireJson() {}

    /**
     * The event as JSON, or null when its callback context holds call graphs, which only the
     * runtime's mapping writes (the handlers' IN_PROGRESS answers carry a fresh context: the round and
     * whether an attempt may have applied). Result and annotations are never written: the wrapper
     * removes them from every response, as the runtime does.
     */
    static String event(final ProgressEvent<ResourceModel, CallbackContext> event) {
        final CallbackContext context = event.getCallbackContext();
        if (context != null && !context.callGraphs().isEmpty()) {
            return null;
        }
        final StringBuilder json = new StringBuilder(256).append('{');
        if (event.getStatus() != null) {
            field(json, "status").append('"').append(event.getStatus().name()).append('"');
        }
        if (event.getErrorCode() != null) {
            field(json, "errorCode")
                    .append('"')
                    .append(event.getErrorCode().name())
                    .append('"');
        }
        if (event.getMessage() != null) {
            string(field(json, "message"), event.getMessage());
        }
        if (context != null) {
            // the call chain's memory (empty), then the context's own fields in declaration order
            field(json, "callbackContext")
                    .append("{\"callGraphs\":{},\"throttledRounds\":")
                    .append(context.getThrottledRounds())
                    .append(",\"mayHaveApplied\":")
                    .append(context.isMayHaveApplied())
                    .append('}');
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

    /** The properties in the table's order, which is the model's field order, as the runtime's mapper writes them. */
    private static void model(final StringBuilder json, final ResourceModel model) {
        json.append('{');
        for (final Property property : Property.values()) {
            final Object value = property.get(model);
            if (value instanceof Map<?, ?> map) {
                mapProperty(field(json, property.jsonName()), map);
            } else if (value != null) {
                string(field(json, property.jsonName()), (String) value);
            }
        }
        json.append('}');
    }

    /** Entries whose value is null are left out, as the runtime's mapper leaves them out. */
    private static void mapProperty(final StringBuilder json, final Map<?, ?> map) {
        json.append('{');
        boolean first = true;
        for (final Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, (String) entry.getKey()).append(':');
            string(json, (String) entry.getValue());
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
