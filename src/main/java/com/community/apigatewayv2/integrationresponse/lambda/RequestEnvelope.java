package com.community.apigatewayv2.integrationresponse.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;
import software.amazon.cloudformation.Action;

/**
 * The shape of a HandlerRequest as CloudFormation sends it, checked before either path reads it:
 * the runtime answers a payload it cannot map with InternalFailure and a parser's message, which
 * tells the caller neither that the request is at fault nor what is wrong with it.
 */
record RequestEnvelope(JSONObject request, String problem) {
    /** The key of a payload the caller compressed, which only the runtime unpacks. */
    private static final String COMPRESSED = "__COMPRESSED__";

    private static final String[] CREDENTIAL_PARTS = {"accessKeyId", "secretAccessKey", "sessionToken"};

    private static final String ACTIONS =
            Arrays.stream(Action.values()).map(Action::name).collect(Collectors.joining(", "));

    /**
     * The payload parsed once, with what is wrong with it, or a null problem when it can be served.
     * A compressed payload comes with neither: the runtime unpacks and reads it. Lambda hands on
     * only valid JSON, so the parser's leniency about quotes never comes into play.
     */
    static RequestEnvelope open(final byte[] payload) {
        final JSONObject request;
        try {
            final Object value = new JSONTokener(new String(payload, StandardCharsets.UTF_8)).nextValue();
            if (!(value instanceof JSONObject)) {
                return new RequestEnvelope(null, "The request is not a JSON object");
            }
            request = (JSONObject) value;
        } catch (final JSONException e) {
            return new RequestEnvelope(null, "The request is not valid JSON");
        }
        if (request.has(COMPRESSED)) {
            return new RequestEnvelope(null, null);
        }
        return new RequestEnvelope(request, problemWith(request));
    }

    private static String problemWith(final JSONObject request) {
        final Object action = request.opt("action");
        if (!(action instanceof String)) {
            return "The request names no action: expected one of " + ACTIONS;
        }
        if (Arrays.stream(Action.values()).noneMatch(known -> known.name().equals(action))) {
            return "Unknown action '" + abbreviated((String) action) + "': expected one of " + ACTIONS;
        }
        final Object requestData = request.opt("requestData");
        if (!(requestData instanceof JSONObject)) {
            return "The request carries no requestData object";
        }
        final JSONObject data = (JSONObject) requestData;
        if (!(data.opt("callerCredentials") instanceof JSONObject)) {
            return "The request carries no callerCredentials object";
        }
        for (final String name : new String[] {"callerCredentials", "providerCredentials"}) {
            final String problem =
                    data.opt(name) instanceof JSONObject credentials ? credentialsProblem(credentials, name) : null;
            if (problem != null) {
                return problem;
            }
        }
        for (final String name : new String[] {"resourceProperties", "previousResourceProperties"}) {
            if (!isObjectOrAbsent(data, name)) {
                return name + " is not a JSON object";
            }
        }
        return isObjectOrAbsent(request, "callbackContext") ? null : "callbackContext is not a JSON object";
    }

    /**
     * What keeps {@code credentials} (named {@code name} in the payload) from making the session
     * credentials the runtime signs calls with, or null. Without this check both paths fail every
     * action InternalFailure with the SDK's "sessionToken must not be null."
     */
    static String credentialsProblem(final JSONObject credentials, final String name) {
        for (final String part : CREDENTIAL_PARTS) {
            final Object value = credentials.opt(part);
            if (value == null || value == JSONObject.NULL) {
                return name + " carries no " + part;
            }
            if (!(value instanceof String)) {
                return name + "." + part + " is not a string";
            }
        }
        return null;
    }

    private static boolean isObjectOrAbsent(final JSONObject parent, final String name) {
        return parent.isNull(name) || parent.opt(name) instanceof JSONObject;
    }

    private static String abbreviated(final String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
