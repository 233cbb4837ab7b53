package com.community.apigatewayv2.integrationresponse.lambda;

import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * A HandlerRequest the wrapper serves without the runtime's Jackson mapping: read from the parsed
 * payload only when every field in it is one this class knows, spelled exactly, holding the JSON
 * type that field takes. Anything else (a differently cased name, a number where a string belongs,
 * a null, a compressed payload, provider credentials, a callback or type configuration) is left to
 * the runtime, which reads it leniently, and {@link #read} returns null.
 *
 * <p>What is read is what the runtime's own mapping and {@code transform} would make of the same
 * payload: the same {@link ResourceHandlerRequest}, the same caller credentials, and the resource
 * properties as the JSON object the runtime validates.
 */
final class LeanRequest {
    private static final Set<String> REQUEST_FIELDS = Set.of(
            "action",
            "awsAccountId",
            "bearerToken",
            "nextToken",
            "maxResults",
            "region",
            "resourceType",
            "resourceTypeVersion",
            "requestData",
            "stackId",
            "snapshotRequested",
            "rollback",
            "driftable",
            "features",
            "updatePolicy",
            "creationPolicy");
    private static final Set<String> REQUEST_DATA_FIELDS = Set.of(
            "callerCredentials",
            "providerLogGroupName",
            "logicalResourceId",
            "resourceProperties",
            "previousResourceProperties",
            "systemTags",
            "previousSystemTags",
            "stackTags",
            "previousStackTags");
    private static final Set<String> CREDENTIALS_FIELDS = Set.of("accessKeyId", "secretAccessKey", "sessionToken");

    final Action action;
    final Credentials callerCredentials;
    /** The resource properties as sent, for schema validation; null when the request carries none. */
    final JSONObject properties;

    final ResourceHandlerRequest<ResourceModel> request;

    private LeanRequest(
            final Action action,
            final Credentials callerCredentials,
            final JSONObject properties,
            final ResourceHandlerRequest<ResourceModel> request) {
        this.action = action;
        this.callerCredentials = callerCredentials;
        this.properties = properties;
        this.request = request;
    }

    /** The request, or null when the runtime must read it. The envelope has been checked already. */
    static LeanRequest read(final JSONObject payload) {
        try {
            return readExact(payload);
        } catch (final NotExact e) {
            return null;
        }
    }

    private static LeanRequest readExact(final JSONObject payload) {
        knownFieldsOnly(payload, REQUEST_FIELDS);
        final JSONObject data = payload.getJSONObject("requestData");
        knownFieldsOnly(data, REQUEST_DATA_FIELDS);
        final JSONObject properties = optObject(data, "resourceProperties");
        if (properties == null) {
            // the runtime has its own answers for a request without properties
            throw NotExact.INSTANCE;
        }
        final JSONObject previous = optObject(data, "previousResourceProperties");

        final Map<String, String> desiredTags = new HashMap<>();
        putAll(desiredTags, stringMap(data, "stackTags"));
        final Map<String, String> previousTags = new HashMap<>();
        putAll(previousTags, stringMap(data, "previousStackTags"));

        final ResourceHandlerRequest<ResourceModel> request = ResourceHandlerRequest.<ResourceModel>builder()
                .clientRequestToken(string(payload, "bearerToken"))
                .desiredResourceState(model(properties))
                .previousResourceState(previous == null ? null : model(previous))
                .desiredResourceTags(desiredTags)
                .systemTags(stringMap(data, "systemTags"))
                .awsAccountId(string(payload, "awsAccountId"))
                .logicalResourceIdentifier(string(data, "logicalResourceId"))
                .nextToken(string(payload, "nextToken"))
                .region(string(payload, "region"))
                .build();
        request.setPreviousResourceTags(previousTags);
        request.setStackId(string(payload, "stackId"));
        request.setSnapshotRequested(bool(payload, "snapshotRequested"));
        request.setRollback(bool(payload, "rollback"));
        request.setDriftable(bool(payload, "driftable"));
        request.setFeatures(objectMap(payload, "features"));
        request.setUpdatePolicy(objectMap(payload, "updatePolicy"));
        request.setCreationPolicy(objectMap(payload, "creationPolicy"));
        request.setPreviousSystemTags(stringMap(data, "previousSystemTags"));
        // read as the runtime reads it, though it hands it on to no handler
        integer(payload, "maxResults");
        string(payload, "resourceType");
        string(payload, "resourceTypeVersion");
        string(data, "providerLogGroupName");

        final JSONObject credentials = data.getJSONObject("callerCredentials");
        knownFieldsOnly(credentials, CREDENTIALS_FIELDS);
        return new LeanRequest(
                Action.valueOf(payload.getString("action")),
                new Credentials(
                        string(credentials, "accessKeyId"),
                        string(credentials, "secretAccessKey"),
                        string(credentials, "sessionToken")),
                properties,
                request);
    }

    /** The model, when every property is one the schema names, spelled exactly, with its JSON type. */
    private static ResourceModel model(final JSONObject properties) {
        final ResourceModel model = new ResourceModel();
        for (final String name : properties.keySet()) {
            final Property property = Property.named(name).orElseThrow(() -> NotExact.INSTANCE);
            if (properties.isNull(name)) {
                // an explicit null is read by the runtime's lenient mapping, and dropped before validation
                throw NotExact.INSTANCE;
            }
            property.set(
                    model, property.kind() == Kind.STRING_MAP ? stringMap(properties, name) : string(properties, name));
        }
        return model;
    }

    private static void knownFieldsOnly(final JSONObject object, final Set<String> known) {
        for (final String name : object.keySet()) {
            // an explicit null is read by the runtime's lenient mapping, and dropped before validation
            if (!known.contains(name) || object.isNull(name)) {
                throw NotExact.INSTANCE;
            }
        }
    }

    private static String string(final JSONObject object, final String name) {
        final Object value = object.opt(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw NotExact.INSTANCE;
    }

    private static Boolean bool(final JSONObject object, final String name) {
        final Object value = object.opt(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw NotExact.INSTANCE;
    }

    private static Integer integer(final JSONObject object, final String name) {
        final Object value = object.opt(name);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        throw NotExact.INSTANCE;
    }

    private static JSONObject optObject(final JSONObject object, final String name) {
        final Object value = object.opt(name);
        if (value == null || value instanceof JSONObject) {
            return (JSONObject) value;
        }
        throw NotExact.INSTANCE;
    }

    /** A string-to-string map. */
    private static Map<String, String> stringMap(final JSONObject object, final String name) {
        final JSONObject map = optObject(object, name);
        if (map == null) {
            return null;
        }
        final Map<String, String> values = new HashMap<>();
        for (final String key : map.keySet()) {
            final Object value = map.get(key);
            if (!(value instanceof String)) {
                throw NotExact.INSTANCE;
            }
            values.put(key, (String) value);
        }
        return values;
    }

    /** A free-form object of strings, booleans, objects and arrays; numbers are left to the runtime's mapping. */
    private static Map<String, Object> objectMap(final JSONObject object, final String name) {
        final JSONObject map = optObject(object, name);
        return map == null ? null : plainObject(map);
    }

    private static Map<String, Object> plainObject(final JSONObject object) {
        final Map<String, Object> values = new HashMap<>();
        for (final String key : object.keySet()) {
            values.put(key, plain(object.get(key)));
        }
        return values;
    }

    private static Object plain(final Object value) {
        if (value == JSONObject.NULL) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof JSONObject) {
            return plainObject((JSONObject) value);
        }
        if (value instanceof JSONArray) {
            final List<Object> values = new ArrayList<>();
            for (final Object element : (JSONArray) value) {
                values.add(plain(element));
            }
            return values;
        }
        throw NotExact.INSTANCE;
    }

    private static void putAll(final Map<String, String> target, final Map<String, String> source) {
        if (source != null) {
            target.putAll(source);
        }
    }

    /** The request holds something only the runtime's lenient mapping reads as the runtime would. */
    private static final class NotExact extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotExact INSTANCE = new NotExact();

        private NotExact() {
            super(null, null, false, false);
        }
    }
}
