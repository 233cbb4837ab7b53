package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.Configuration;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property.Kind;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property.Role;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.json.JSONObject;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseRequest;

/**
 * The only place that knows both the resource model and the SDK's shapes.
 *
 * <p>The service keeps no difference between an absent map and an empty one, nor between an absent
 * string and an empty one: both mean "not set". A model that comes back from CREATE, READ or UPDATE
 * shows each property as the request gave it wherever the service holds the same ({@link #asGiven}),
 * so {@code ResponseTemplates: {}} comes back as {@code {}}, and an omitted property stays omitted;
 * where the service holds something else, the service's value shows.
 */
final class Translator {
    private static final List<Property> UPDATABLE = Property.playing(Role.UPDATABLE);
    private static final String CLEARED_STRING = "";
    private static final Map<String, String> CLEARED_MAP = Map.of();

    private Translator() {}

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
                        desired.getTemplateSelectionExpression(),
                        known.getTemplateSelectionExpression(),
                        CLEARED_STRING))
                .responseParameters(
                        valueOrClear(desired.getResponseParameters(), known.getResponseParameters(), CLEARED_MAP))
                .responseTemplates(
                        valueOrClear(desired.getResponseTemplates(), known.getResponseTemplates(), CLEARED_MAP))
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

    /**
     * The model the service's answer describes, shown as {@code given} gave it where they agree: the
     * answer of a create, get or update, with the parent identifiers of {@code given}.
     */
    static ResourceModel fromService(final SdkPojo answer, final ResourceModel given) {
        return asGiven(serviceState(answer, given), given);
    }

    /** Each listed response as the service holds it: a list has no request model to follow. */
    static List<ResourceModel> fromList(final GetIntegrationResponsesResponse response, final ResourceModel parent) {
        return response.items().stream().map(item -> serviceState(item, parent)).collect(Collectors.toList());
    }

    /**
     * {@code actual}, with each updatable property that {@code given} sets to an equivalent value
     * (empty and absent being the same) shown exactly as {@code given} has it.
     */
    static ResourceModel asGiven(final ResourceModel actual, final ResourceModel given) {
        final ResourceModel shown = actual.toBuilder().build();
        for (final Property property : UPDATABLE) {
            if (equivalent(property.get(given), property.get(actual))) {
                property.set(shown, property.get(given));
            }
        }
        return shown;
    }

    /** The names of the updatable properties whose values differ, "not set" and empty being the same. */
    static List<String> differences(final ResourceModel desired, final ResourceModel actual) {
        return UPDATABLE.stream()
                .filter(property -> !equivalent(property.get(desired), property.get(actual)))
                .map(Property::jsonName)
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * Where a map property holds null for a key, e.g. {@code ResponseTemplates['application/json'] is null}:
     * the schema lets it through, and the service takes only strings.
     */
    static Optional<String> nullMapValue(final ResourceModel model) {
        for (final Property property : Property.values()) {
            if (property.kind() == Kind.STRING_MAP && property.get(model) instanceof Map<?, ?> map) {
                for (final Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getValue() == null) {
                        return Optional.of(property.jsonName() + "['" + entry.getKey()
                                + "'] is null: every value must be a string");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first of {@code parts} that the model leaves unset. */
    static Optional<Property> missingIdentifier(final ResourceModel model, final List<Property> parts) {
        return parts.stream()
                .filter(part -> valueOrNull(part.get(model)) == null)
                .findFirst();
    }

    /**
     * What is wrong with the first of {@code parts} that is set but is not what the schema says an
     * identifier is (its {@code pattern}, matched whole, and its length limits: letters and digits,
     * 1 to 64; the service's are 7 or 10), or empty. The runtime validates only CREATE and UPDATE
     * input against the schema; this applies the same words to every action, since anything else
     * ({@code ..}, a slash, a 10 MB string) never names a resource and would otherwise be sent as a
     * path segment of the request's URL. The message never repeats the value.
     */
    static Optional<String> malformedIdentifier(final ResourceModel model, final List<Property> parts) {
        for (final Property part : parts) {
            if (part.get(model) instanceof String value) {
                final IdentifierShape shape = IdentifierShape.of(part);
                if (!shape.admits(value)) {
                    return Optional.of(part.jsonName() + " is not an API Gateway identifier (" + shape + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** An identifier property's pattern and length limits, as the schema states them. */
    private record IdentifierShape(Pattern pattern, int minLength, int maxLength) {
        private static final Map<Property, IdentifierShape> SHAPES = new ConcurrentHashMap<>();

        static IdentifierShape of(final Property property) {
            return SHAPES.computeIfAbsent(property, p -> {
                final JSONObject schema = Configuration.resourceSchema()
                        .getJSONObject("properties")
                        .getJSONObject(p.jsonName());
                return new IdentifierShape(
                        Pattern.compile(schema.getString("pattern")),
                        schema.getInt("minLength"),
                        schema.getInt("maxLength"));
            });
        }

        boolean admits(final String value) {
            // the length first: a 10 MB value is never handed to the matcher
            return value.length() >= minLength
                    && value.length() <= maxLength
                    && pattern.matcher(value).matches();
        }

        @Override
        public String toString() {
            return minLength + " to " + maxLength + " characters matching " + pattern.pattern();
        }
    }

    /**
     * The model an SDK shape describes: every property the shape has a member of the same name for
     * (the SDK's member names are the schema's), with empty read as "not set", and the parent
     * identifiers, which no answer repeats, from {@code parent}.
     */
    private static ResourceModel serviceState(final SdkPojo answer, final ResourceModel parent) {
        final ResourceModel model = ResourceModel.builder()
                .apiId(parent.getApiId())
                .integrationId(parent.getIntegrationId())
                .build();
        for (final SdkField<?> field : answer.sdkFields()) {
            final Optional<Property> property = Property.named(field.memberName());
            if (property.isPresent() && property.get().role() != Role.PARENT) {
                property.get().set(model, valueOrNull(field.getValueOrDefault(answer)));
            }
        }
        return model;
    }

    private static boolean equivalent(final Object one, final Object other) {
        return Objects.equals(valueOrNull(one), valueOrNull(other));
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
