package com.community.apigatewayv2.integrationresponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationResponse;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseResponse;

/**
 * The only place that knows both the resource model and the SDK's shapes.
 *
 * <p>An empty string or an empty map means "not set", on the way in and on the way out: the service
 * keeps no difference between an absent map and an empty one, so neither does the model.
 */
final class Translator {
    private static final String CLEARED_STRING = "";
    private static final Map<String, String> CLEARED_MAP = Map.of();

    /** The properties an update can change, each read the same way from a desired and an actual model. */
    private static final Map<String, Function<ResourceModel, Object>> UPDATABLE_PROPERTIES = Map.of(
        "IntegrationResponseKey", ResourceModel::getIntegrationResponseKey,
        "ContentHandlingStrategy", ResourceModel::getContentHandlingStrategy,
        "TemplateSelectionExpression", ResourceModel::getTemplateSelectionExpression,
        "ResponseParameters", ResourceModel::getResponseParameters,
        "ResponseTemplates", ResourceModel::getResponseTemplates);

    private static final Map<String, Function<ResourceModel, String>> IDENTIFIER_PROPERTIES = Map.of(
        "ApiId", ResourceModel::getApiId,
        "IntegrationId", ResourceModel::getIntegrationId,
        "IntegrationResponseId", ResourceModel::getIntegrationResponseId);

    private Translator() {
    }

    static CreateIntegrationResponseRequest createRequest(final ResourceModel model) {
        return CreateIntegrationResponseRequest.builder()
            .apiId(model.getApiId())
            .integrationId(model.getIntegrationId())
            .integrationResponseKey(model.getIntegrationResponseKey())
            .contentHandlingStrategy(valueOrNull(model.getContentHandlingStrategy()))
            .templateSelectionExpression(valueOrNull(model.getTemplateSelectionExpression()))
            .responseParameters(valueOrNull(model.getResponseParameters()))
            .responseTemplates(valueOrNull(model.getResponseTemplates()))
            .build();
    }

    static GetIntegrationResponseRequest readRequest(final ResourceModel model) {
        return GetIntegrationResponseRequest.builder()
            .apiId(model.getApiId())
            .integrationId(model.getIntegrationId())
            .integrationResponseId(model.getIntegrationResponseId())
            .build();
    }

    /**
     * A PATCH that takes {@code current} to {@code desired}: every desired value is sent, and every
     * property that {@code current} has and {@code desired} lacks is cleared; the rest is left out,
     * which the service reads as "unchanged".
     */
    static UpdateIntegrationResponseRequest updateRequest(final ResourceModel desired, final ResourceModel current) {
        final ResourceModel known = current == null ? ResourceModel.builder().build() : current;
        return UpdateIntegrationResponseRequest.builder()
            .apiId(desired.getApiId())
            .integrationId(desired.getIntegrationId())
            .integrationResponseId(desired.getIntegrationResponseId())
            .integrationResponseKey(desired.getIntegrationResponseKey())
            .contentHandlingStrategy(valueOrClear(
                desired.getContentHandlingStrategy(), known.getContentHandlingStrategy(), CLEARED_STRING))
            .templateSelectionExpression(valueOrClear(
                desired.getTemplateSelectionExpression(), known.getTemplateSelectionExpression(), CLEARED_STRING))
            .responseParameters(valueOrClear(
                desired.getResponseParameters(), known.getResponseParameters(), CLEARED_MAP))
            .responseTemplates(valueOrClear(
                desired.getResponseTemplates(), known.getResponseTemplates(), CLEARED_MAP))
            .build();
    }

    static DeleteIntegrationResponseRequest deleteRequest(final ResourceModel model) {
        return DeleteIntegrationResponseRequest.builder()
            .apiId(model.getApiId())
            .integrationId(model.getIntegrationId())
            .integrationResponseId(model.getIntegrationResponseId())
            .build();
    }

    static GetIntegrationResponsesRequest listRequest(final ResourceModel model, final String nextToken) {
        return GetIntegrationResponsesRequest.builder()
            .apiId(model.getApiId())
            .integrationId(model.getIntegrationId())
            .nextToken(nextToken)
            .build();
    }

    static ResourceModel fromCreate(final CreateIntegrationResponseResponse response, final ResourceModel parent) {
        return model(parent, response.integrationResponseId(), response.integrationResponseKey(),
            response.contentHandlingStrategyAsString(), response.templateSelectionExpression(),
            response.responseParameters(), response.responseTemplates());
    }

    static ResourceModel fromRead(final GetIntegrationResponseResponse response, final ResourceModel parent) {
        return model(parent, response.integrationResponseId(), response.integrationResponseKey(),
            response.contentHandlingStrategyAsString(), response.templateSelectionExpression(),
            response.responseParameters(), response.responseTemplates());
    }

    static ResourceModel fromUpdate(final UpdateIntegrationResponseResponse response, final ResourceModel parent) {
        return model(parent, response.integrationResponseId(), response.integrationResponseKey(),
            response.contentHandlingStrategyAsString(), response.templateSelectionExpression(),
            response.responseParameters(), response.responseTemplates());
    }

    static List<ResourceModel> fromList(final GetIntegrationResponsesResponse response, final ResourceModel parent) {
        return response.items().stream().map(item -> fromItem(item, parent)).collect(Collectors.toList());
    }

    private static ResourceModel fromItem(final IntegrationResponse item, final ResourceModel parent) {
        return model(parent, item.integrationResponseId(), item.integrationResponseKey(),
            item.contentHandlingStrategyAsString(), item.templateSelectionExpression(),
            item.responseParameters(), item.responseTemplates());
    }

    /** The names of the updatable properties whose values differ, "not set" and empty being the same. */
    static List<String> differences(final ResourceModel desired, final ResourceModel actual) {
        final List<String> different = new ArrayList<>();
        UPDATABLE_PROPERTIES.forEach((name, property) -> {
            if (!Objects.equals(valueOrNull(property.apply(desired)), valueOrNull(property.apply(actual)))) {
                different.add(name);
            }
        });
        different.sort(null);
        return different;
    }

    /**
     * Where a map property holds null for a key, e.g. {@code ResponseTemplates['application/json'] is null},
     * or null when no map does: the schema lets it through, and the service takes only strings.
     */
    static String nullMapValue(final ResourceModel model) {
        final Map<String, Map<String, String>> maps = new TreeMap<>();
        maps.put("ResponseParameters", model.getResponseParameters());
        maps.put("ResponseTemplates", model.getResponseTemplates());
        for (final Map.Entry<String, Map<String, String>> map : maps.entrySet()) {
            if (map.getValue() == null) {
                continue;
            }
            for (final Map.Entry<String, String> entry : map.getValue().entrySet()) {
                if (entry.getValue() == null) {
                    return map.getKey() + "['" + entry.getKey() + "'] is null: every value must be a string";
                }
            }
        }
        return null;
    }

    /** The first identifier property among {@code names} that the model leaves unset, or null. */
    static String missingIdentifier(final ResourceModel model, final String... names) {
        for (final String name : names) {
            if (valueOrNull(IDENTIFIER_PROPERTIES.get(name).apply(model)) == null) {
                return name;
            }
        }
        return null;
    }

    private static ResourceModel model(final ResourceModel parent, final String integrationResponseId,
                                       final String integrationResponseKey, final String contentHandlingStrategy,
                                       final String templateSelectionExpression,
                                       final Map<String, String> responseParameters,
                                       final Map<String, String> responseTemplates) {
        return ResourceModel.builder()
            .apiId(parent.getApiId())
            .integrationId(parent.getIntegrationId())
            .integrationResponseId(integrationResponseId)
            .integrationResponseKey(integrationResponseKey)
            .contentHandlingStrategy(valueOrNull(contentHandlingStrategy))
            .templateSelectionExpression(valueOrNull(templateSelectionExpression))
            .responseParameters(valueOrNull(responseParameters))
            .responseTemplates(valueOrNull(responseTemplates))
            .build();
    }

    private static <T> T valueOrClear(final T desired, final T current, final T cleared) {
        if (valueOrNull(desired) != null) {
            return desired;
        }
        return valueOrNull(current) != null ? cleared : null;
    }

    /** Null for null, an empty string or an empty map; the value itself otherwise. */
    private static <T> T valueOrNull(final T value) {
        if (value instanceof String string && string.isEmpty() || value instanceof Map<?, ?> map && map.isEmpty()) {
            return null;
        }
        return value;
    }
}
