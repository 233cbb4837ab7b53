package com.community.apigatewayv2.integrationresponse.lambda;

import com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicy;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;
import software.amazon.awssdk.regions.Region;
import software.amazon.cloudformation.Action;

/**
 * The shape of a HandlerRequest as CloudFormation sends it, checked before either path reads it:
 * the runtime answers a payload it cannot map with InternalFailure and a parser's message, which
 * tells the caller neither that the request is at fault nor what is wrong with it, and whose text
 * (Jackson quotes the start of the payload) carries the caller's credentials into the answer and the
 * log. Every field the runtime maps is checked here, by its name in any letter case as the runtime
 * matches it; the callback context may hold only this handler's own fields, since the runtime builds
 * whatever classes a {@code callGraphs} entry names. A compressed payload is unpacked here, within a
 * bound, and checked like any other.
 */
record RequestEnvelope(JSONObject request, byte[] payload, String problem) {
    /** The key of a payload the caller compressed, as the runtime's Serializer writes it. */
    private static final String COMPRESSED = "__COMPRESSED__";

    private static final String COMPRESSION_METHOD = "__COMPRESSION_METHOD__";
    /** Four times Lambda's 6 MB request limit: more than any request CloudFormation sends expands to. */
    static final int MAX_DECOMPRESSED_BYTES = 24 * 1024 * 1024;
    /** Far deeper than any request (resource properties nest three levels), far below Jackson's 1,000. */
    static final int MAX_DEPTH = 64;
    /** Jackson's own limit on a name, which it reports with the payload's text. */
    static final int MAX_NAME_LENGTH = 50_000;
    /** The rounds a callback context may carry: no re-invocation carries more than the policy allows. */
    static final int MAX_THROTTLED_ROUNDS = ThrottlePolicy.MAX_IN_PROGRESS_ROUNDS;

    /** What a field must hold for the runtime to map it without an error. */
    private enum Kind {
        /** A string, or a number or boolean, which the runtime takes as its text. */
        SCALAR,
        INT,
        BOOLEAN,
        OBJECT,
        /** An object whose values are scalars. */
        STRINGS,
        /** The handler's own callback context: only its fields. */
        CALLBACK,
        /** requestData, its fields checked by {@code REQUEST_DATA}. */
        REQUEST_DATA,
        /** requestContext, its fields checked by {@code REQUEST_CONTEXT}. */
        REQUEST_CONTEXT,
        /** Anything: the handler's models, read by the schema and the translator. */
        ANY
    }

    private static final Map<String, Kind> HANDLER_REQUEST = fields(
            "action",
            Kind.SCALAR,
            "awsAccountId",
            Kind.SCALAR,
            "bearerToken",
            Kind.SCALAR,
            "nextToken",
            Kind.SCALAR,
            "maxResults",
            Kind.INT,
            "region",
            Kind.SCALAR,
            "resourceType",
            Kind.SCALAR,
            "resourceTypeVersion",
            Kind.SCALAR,
            "requestData",
            Kind.REQUEST_DATA,
            "stackId",
            Kind.SCALAR,
            "callbackContext",
            Kind.CALLBACK,
            "snapshotRequested",
            Kind.BOOLEAN,
            "rollback",
            Kind.BOOLEAN,
            "driftable",
            Kind.BOOLEAN,
            "features",
            Kind.OBJECT,
            "updatePolicy",
            Kind.OBJECT,
            "creationPolicy",
            Kind.OBJECT,
            "requestContext",
            Kind.REQUEST_CONTEXT);
    private static final Map<String, Kind> REQUEST_DATA = fields(
            "callerCredentials",
            Kind.STRINGS,
            "providerCredentials",
            Kind.STRINGS,
            "providerLogGroupName",
            Kind.SCALAR,
            "logicalResourceId",
            Kind.SCALAR,
            "resourceProperties",
            Kind.ANY,
            "previousResourceProperties",
            Kind.ANY,
            "typeConfiguration",
            Kind.ANY,
            "systemTags",
            Kind.STRINGS,
            "previousSystemTags",
            Kind.STRINGS,
            "stackTags",
            Kind.STRINGS,
            "previousStackTags",
            Kind.STRINGS);
    private static final Map<String, Kind> REQUEST_CONTEXT = fields(
            "invocation",
            Kind.INT,
            "callbackContext",
            Kind.CALLBACK,
            "cloudWatchEventsRuleName",
            Kind.SCALAR,
            "cloudWatchEventsTargetId",
            Kind.SCALAR);
    /** CallbackContext's fields, the only ones this handler ever returns. */
    private static final Map<String, Kind> CALLBACK_CONTEXT =
            fields("throttledRounds", Kind.INT, "mayHaveApplied", Kind.BOOLEAN);

    private static final String[] CREDENTIAL_PARTS = {"accessKeyId", "secretAccessKey", "sessionToken"};

    private static final String ACTIONS =
            Arrays.stream(Action.values()).map(Action::name).collect(Collectors.joining(", "));

    /**
     * The payload parsed once, with what is wrong with it, or a null problem when it can be served;
     * {@code payload} is the text to hand on (a compressed one unpacked). Lambda hands on only valid
     * JSON, so the parser's leniency about quotes never comes into play.
     */
    static RequestEnvelope open(final byte[] payload) {
        JSONObject request;
        byte[] text = payload;
        try {
            final Object value = new JSONTokener(new String(payload, StandardCharsets.UTF_8)).nextValue();
            if (!(value instanceof JSONObject)) {
                return new RequestEnvelope(null, null, "The request is not a JSON object");
            }
            request = (JSONObject) value;
            if (request.has(COMPRESSED)) {
                final String unpackedText = decompress(request);
                final Object unpacked = new JSONTokener(unpackedText).nextValue();
                if (!(unpacked instanceof JSONObject)) {
                    return new RequestEnvelope(null, null, "The compressed request is not a JSON object");
                }
                text = unpackedText.getBytes(StandardCharsets.UTF_8);
                request = (JSONObject) unpacked;
            }
        } catch (final JSONException e) {
            return new RequestEnvelope(null, null, "The request is not valid JSON");
        } catch (final IllegalArgumentException e) {
            return new RequestEnvelope(null, null, e.getMessage());
        } catch (final StackOverflowError e) {
            return new RequestEnvelope(null, null, "The request nests deeper than " + MAX_DEPTH + " levels");
        }
        return new RequestEnvelope(request, text, problemWith(request));
    }

    /**
     * The payload to hand the runtime. The runtime validates CREATE and UPDATE input only on the first
     * invocation (none with a callback context), so a direct invoker could send anything in a
     * re-invocation. CloudFormation re-sends the same desired state, so validating again costs a
     * valid request nothing: input {@code valid} refuses goes to the runtime without its callback
     * context, and the runtime refuses it as it does on a first invocation, in its own words.
     */
    byte[] runtimePayload(final Predicate<JSONObject> valid) {
        final Object action = request.opt("action");
        final JSONObject data = request.optJSONObject("requestData");
        final Object properties = data == null ? null : data.opt("resourceProperties");
        final boolean reinvoked = !fields(request, "callbackContext").isEmpty();
        if (!reinvoked
                || !("CREATE".equals(action) || "UPDATE".equals(action))
                || !(properties instanceof JSONObject model)
                || valid.test(model)) {
            return payload;
        }
        final JSONObject first = new JSONObject(request.toString());
        for (final String name : request.keySet()) {
            if (name.equalsIgnoreCase("callbackContext")) {
                first.remove(name);
            }
        }
        return first.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The text of a compressed payload, unpacked as the runtime's Serializer packs it (gzip, then
     * base64), but never beyond {@link #MAX_DECOMPRESSED_BYTES}.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    static String decompress(final JSONObject compressed) {
        final Object method = compressed.opt(COMPRESSION_METHOD);
        if (method != null && !"gzip_base64".equals(method)) {
            throw new IllegalArgumentException(COMPRESSION_METHOD + " is not gzip_base64");
        }
        if (!(compressed.opt(COMPRESSED) instanceof String text)) {
            throw new IllegalArgumentException(COMPRESSED + " is not a string");
        }
        final byte[] packed;
        try {
            packed = Base64.getMimeDecoder().decode(text);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(COMPRESSED + " is not base64");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (out.size() + read > MAX_DECOMPRESSED_BYTES) {
                    throw new IllegalArgumentException(
                            "The compressed request expands beyond " + MAX_DECOMPRESSED_BYTES + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new IllegalArgumentException(COMPRESSED + " is not gzip data");
        }
    }

    private static String problemWith(final JSONObject request) {
        final String depth = depthProblem(request, 1);
        if (depth != null) {
            return depth;
        }
        final String action = actionProblem(request);
        if (action != null) {
            return action;
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
        final String shape = shapeProblem(request, HANDLER_REQUEST, "");
        if (shape != null) {
            return shape;
        }
        for (final Object resourceType : fields(request, "resourceType")) {
            if (!ResourceModel.TYPE_NAME.equals(resourceType)) {
                return "This handler serves " + ResourceModel.TYPE_NAME + ", not '"
                        + abbreviated(String.valueOf(resourceType)) + "'";
            }
        }
        return regionProblem(request);
    }

    /**
     * What keeps a TestEntrypoint payload ({@code ResourceHandlerTestPayload}: credentials, action,
     * request, callback context, region) from being read safely, or null: the same rules for nesting, the
     * action and the callback context as a HandlerRequest's.
     */
    static String testPayloadProblem(final JSONObject payload) {
        final String depth = depthProblem(payload, 1);
        if (depth != null) {
            return depth;
        }
        final String action = actionProblem(payload);
        if (action != null) {
            return action;
        }
        for (final String name : payload.keySet()) {
            if (name.equalsIgnoreCase("callbackContext")) {
                final String problem = kindProblem(payload.get(name), Kind.CALLBACK, name);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return regionProblem(payload);
    }

    /**
     * Why the request's action is not one of this handler's, or null. Only a name in capitals will do:
     * the runtime's mapper would also take a number, as the action at that place in the list.
     */
    private static String actionProblem(final JSONObject request) {
        final Object action = request.opt("action");
        if (!(action instanceof String)) {
            return "The request names no action: expected one of " + ACTIONS;
        }
        if (Arrays.stream(Action.values()).noneMatch(known -> known.name().equals(action))) {
            return "Unknown action '" + abbreviated((String) action) + "': expected one of " + ACTIONS;
        }
        return null;
    }

    private static String regionProblem(final JSONObject request) {
        for (final Object region : fields(request, "region")) {
            if (!knownRegion(String.valueOf(region))) {
                return "region '" + abbreviated(String.valueOf(region)) + "' is not an AWS Region this handler knows";
            }
        }
        return null;
    }

    private static boolean knownRegion(final String region) {
        return !region.isBlank()
                && Region.regions().stream().anyMatch(known -> known.id().equals(region));
    }

    /**
     * What keeps the runtime from mapping {@code object} (at {@code path}) without an error: a field of
     * the wrong kind (each name matched in any letter case, as the runtime does), a callback context
     * with fields of its own, a name beyond the parser's limit. Null when there is none.
     */
    private static String shapeProblem(final JSONObject object, final Map<String, Kind> fields, final String path) {
        for (final String name : object.keySet()) {
            if (name.length() > MAX_NAME_LENGTH) {
                return "A field name in the request is longer than " + MAX_NAME_LENGTH + " characters";
            }
            final String folded = name.toLowerCase(Locale.ROOT);
            final Kind kind = fields.get(folded);
            if (kind == null) {
                continue; // the runtime ignores fields it does not know
            }
            final String field = path + name;
            final String problem = kindProblem(object.get(name), kind, field);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String kindProblem(final Object value, final Kind kind, final String field) {
        if (value == JSONObject.NULL) {
            return null;
        }
        switch (kind) {
            case SCALAR:
                return value instanceof JSONObject || value instanceof JSONArray ? field + " is not a string" : null;
            case INT:
                return isInt(value) ? null : field + " is not a whole number from -2147483648 to 2147483647";
            case BOOLEAN:
                return value instanceof Boolean || value instanceof String text && isBooleanText(text)
                        ? null
                        : field + " is not true or false";
            case STRINGS:
                if (!(value instanceof JSONObject strings)) {
                    return field + " is not a JSON object";
                }
                for (final String key : strings.keySet()) {
                    final Object member = strings.get(key);
                    if (member instanceof JSONObject || member instanceof JSONArray) {
                        return field + " holds a value that is not a string";
                    }
                }
                return null;
            case CALLBACK:
                return callbackProblem(value, field);
            case OBJECT:
                return value instanceof JSONObject ? null : field + " is not a JSON object";
            case REQUEST_DATA:
            case REQUEST_CONTEXT:
                if (!(value instanceof JSONObject inner)) {
                    return field + " is not a JSON object";
                }
                return shapeProblem(inner, kind == Kind.REQUEST_DATA ? REQUEST_DATA : REQUEST_CONTEXT, field + ".");
            default:
                return null;
        }
    }

    /** Only this handler's own fields, each in range: the runtime builds any class a callGraphs entry names. */
    private static String callbackProblem(final Object value, final String field) {
        if (!(value instanceof JSONObject context)) {
            return field + " is not a JSON object";
        }
        for (final String name : context.keySet()) {
            if (name.equalsIgnoreCase("callGraphs") && isEmptyOrNull(context.get(name))) {
                continue; // what the runtime writes for a context whose call chains hold nothing, as this handler's
            }
            if (!CALLBACK_CONTEXT.containsKey(name.toLowerCase(Locale.ROOT))) {
                return field + " holds '" + abbreviated(name) + "', which this handler never returns";
            }
        }
        final String shape = shapeProblem(context, CALLBACK_CONTEXT, field + ".");
        if (shape != null) {
            return shape;
        }
        for (final String name : context.keySet()) {
            final Object carried = context.get(name);
            if (name.equalsIgnoreCase("throttledRounds") && carried != JSONObject.NULL && !"".equals(carried)) {
                final long rounds = new BigDecimal(carried.toString().trim()).longValue();
                if (rounds < 0 || rounds > MAX_THROTTLED_ROUNDS) {
                    return field + "." + name + " is not from 0 to " + MAX_THROTTLED_ROUNDS;
                }
            }
        }
        return null;
    }

    /**
     * A value the runtime reads as an int: a number, or a number's text, within the int range (it
     * drops a fraction, as Jackson does by default), or empty text (no value).
     */
    private static boolean isInt(final Object value) {
        if (value instanceof Integer || "".equals(value)) {
            return true;
        }
        if (!(value instanceof Number) && !(value instanceof String)) {
            return false;
        }
        try {
            final BigDecimal decimal = new BigDecimal(value.toString().trim());
            return decimal.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    && decimal.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
        } catch (final NumberFormatException e) {
            return false; // infinite, or not a number
        }
    }

    private static boolean isEmptyOrNull(final Object value) {
        return value == JSONObject.NULL || value instanceof JSONObject object && object.isEmpty();
    }

    private static boolean isBooleanText(final String text) {
        return text.isEmpty() || "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text);
    }

    /** The values of a field by its name in any letter case, as the runtime matches it (null ones left out). */
    private static List<Object> fields(final JSONObject object, final String name) {
        final List<Object> values = new ArrayList<>();
        for (final String key : object.keySet()) {
            if (key.equalsIgnoreCase(name) && object.get(key) != JSONObject.NULL) {
                values.add(object.get(key));
            }
        }
        return values;
    }

    private static String depthProblem(final Object value, final int depth) {
        if (depth > MAX_DEPTH) {
            return "The request nests deeper than " + MAX_DEPTH + " levels";
        }
        if (value instanceof JSONObject object) {
            for (final String name : object.keySet()) {
                final String problem = depthProblem(object.get(name), depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof JSONArray array) {
            for (final Object member : array) {
                final String problem = depthProblem(member, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static Map<String, Kind> fields(final Object... namesAndKinds) {
        final Map<String, Kind> fields = new HashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            fields.put(((String) namesAndKinds[i]).toLowerCase(Locale.ROOT), (Kind) namesAndKinds[i + 1]);
        }
        return Map.copyOf(fields);
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
