package com.community.apigatewayv2.integrationresponse.local.chaos;

import com.community.apigatewayv2.integrationresponse.local.stack.CanaryDeployment;
import com.community.apigatewayv2.integrationresponse.local.stack.CanaryDeployment.Answer;
import com.community.apigatewayv2.integrationresponse.local.stack.SamTestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Requests that must fail, built against a seeded stack: each {@link Mutation} spoils a
 * well-formed request in one way, shaped by a junk string and a number, so a property-based test
 * and the chaos runner draw from the same catalogue. None of them may change any state: every
 * create lacks a valid key, a valid schema or an existing parent, and every other action names
 * an identifier that is incomplete or not there.
 */
public final class BadInputs {

    /** One way to spoil a request. */
    public enum Mutation {
        CREATE_WRONG_TYPE,
        CREATE_MISSING_REQUIRED,
        CREATE_EXTRA_PROPERTY,
        CREATE_NULL_MAP_VALUE,
        CREATE_NON_STRING_MAP_VALUE,
        CREATE_INVALID_ENUM,
        CREATE_INVALID_KEY,
        CREATE_HUGE_VALUES,
        CREATE_FOREIGN_PARENT,
        UPDATE_WRONG_TYPE,
        UPDATE_EXTRA_PROPERTY,
        INCOMPLETE_IDENTIFIER,
        FOREIGN_IDENTIFIER,
        MIXED_IDENTIFIER,
        READ_WRONG_TYPE,
        LIST_MISSING_PARENT,
        LIST_FOREIGN_PARENT,
        UNKNOWN_ACTION,
        NOT_AN_OBJECT,
        NO_REQUEST_DATA,
        NO_CREDENTIALS,
        PROPERTIES_NOT_AN_OBJECT,
        MALFORMED_JSON,
        TRUNCATED_PAYLOAD,
        /** A field of the envelope out of the int range, in any letter case: Jackson quoted the payload. */
        ENVELOPE_NUMBER_OUT_OF_RANGE,
        /** A callback context with fields the handler never returns: the runtime built the classes they name. */
        FOREIGN_CALLBACK_CONTEXT,
        /** A compressed payload that cannot be unpacked. */
        COMPRESSED_GARBAGE,
        /** A compressed payload whose request is spoilt. */
        COMPRESSED_BAD_ENVELOPE,
        /** A TestEntrypoint event (as SAM and {@code cfn test} send) with a mistake: the runtime quoted the event. */
        TEST_EVENT_MISTAKE
    }

    /** A payload, the error codes it may fail with, a word its message must hold, and whether Lambda itself may refuse it. */
    public record BadInput(
            Mutation mutation, byte[] payload, Set<String> codes, String hint, boolean notJson, String function) {
        /** One for TypeFunction, the function CloudFormation invokes. */
        public BadInput(Mutation mutation, byte[] payload, Set<String> codes, String hint, boolean notJson) {
            this(mutation, payload, codes, hint, notJson, CanaryDeployment.FUNCTION);
        }

        @Override
        public String toString() {
            String text = new String(payload, StandardCharsets.UTF_8);
            return mutation + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** The resources bad inputs are aimed at; none of them may change. */
    public record Fixture(
            String apiId, String integrationId, String responseId, String otherApiId, String otherIntegrationId) {}

    private static final Set<String> INVALID = Set.of("InvalidRequest");
    private static final Set<String> NOT_FOUND = Set.of("NotFound");
    private static final Set<String> EITHER = Set.of("InvalidRequest", "NotFound");
    private static final List<String> STRING_PROPERTIES = List.of(
            "ApiId",
            "IntegrationId",
            "IntegrationResponseKey",
            "TemplateSelectionExpression",
            "ContentHandlingStrategy");
    private static final List<String> MAP_PROPERTIES = List.of("ResponseParameters", "ResponseTemplates");
    private static final List<String> IDENTIFIERS = List.of("ApiId", "IntegrationId", "IntegrationResponseId");
    private static final List<String> ACTIONS = List.of("READ", "UPDATE", "DELETE");
    private static final String BAD_KEY = "/(unclosed/";

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final CanaryDeployment stack;
    private final Fixture fixture;

    public BadInputs(CanaryDeployment stack, Fixture fixture) {
        this.stack = stack;
        this.fixture = fixture;
    }

    /** A bad input of the given kind; {@code junk} and {@code number} choose the details. */
    public BadInput build(Mutation mutation, String junk, int number) {
        int n = number & Integer.MAX_VALUE;
        String word = junk.isEmpty() ? "x" : junk;
        // 60 characters, never half of a surrogate pair: a lone surrogate is not text, and JSON parsers refuse it
        String shortWord =
                word.length() > 60 ? word.substring(0, word.offsetByCodePoints(0, word.codePointCount(0, 60))) : word;
        String foreign = "foreign" + Integer.toHexString(n);
        switch (mutation) {
            case CREATE_WRONG_TYPE: {
                List<String> all = concat(STRING_PROPERTIES, MAP_PROPERTIES);
                String property = all.get(n % all.size());
                ObjectNode model = createModel().set(property, wrongValue(property, n, word));
                return request(mutation, "CREATE", model, null, INVALID, property);
            }
            case CREATE_MISSING_REQUIRED: {
                String property = STRING_PROPERTIES.get(n % 3);
                ObjectNode model = createModel();
                model.remove(property);
                return request(mutation, "CREATE", model, null, INVALID, property);
            }
            case CREATE_EXTRA_PROPERTY: {
                String property = "Extra" + shortWord;
                return request(mutation, "CREATE", createModel().put(property, word), null, INVALID, "Extra");
            }
            case CREATE_NULL_MAP_VALUE: {
                String property = MAP_PROPERTIES.get(n % 2);
                ObjectNode map = nodes.objectNode().putNull(shortWord);
                return request(mutation, "CREATE", createModel().set(property, map), null, INVALID, property);
            }
            case CREATE_NON_STRING_MAP_VALUE: {
                String property = MAP_PROPERTIES.get(n % 2);
                ObjectNode map = nodes.objectNode().set(shortWord, nonString(n));
                return request(mutation, "CREATE", createModel().set(property, map), null, INVALID, property);
            }
            case CREATE_INVALID_ENUM:
                return request(
                        mutation,
                        "CREATE",
                        createModel().put("ContentHandlingStrategy", "CONVERT_" + word),
                        null,
                        INVALID,
                        "ContentHandlingStrategy");
            case CREATE_INVALID_KEY:
                return request(
                        mutation,
                        "CREATE",
                        createModel().put("IntegrationResponseKey", "k" + word),
                        null,
                        INVALID,
                        "key");
            case CREATE_HUGE_VALUES: {
                String huge = word.repeat(Math.max(1, 20_000 / word.length()));
                ObjectNode model = createModel().put("TemplateSelectionExpression", huge);
                model.putObject("ResponseTemplates")
                        .put("application/json", huge)
                        .put(shortWord, "");
                return request(mutation, "CREATE", model, null, INVALID, null);
            }
            case CREATE_FOREIGN_PARENT: {
                ObjectNode model = createModel().put("IntegrationResponseKey", "$default");
                model.put(n % 2 == 0 ? "ApiId" : "IntegrationId", foreign);
                return request(mutation, "CREATE", model, null, NOT_FOUND, foreign);
            }
            case UPDATE_WRONG_TYPE: {
                String property = MAP_PROPERTIES.get(n % 2);
                ObjectNode model = existingModel().set(property, wrongValue(property, n, word));
                return request(mutation, "UPDATE", model, existingModel(), INVALID, property);
            }
            case UPDATE_EXTRA_PROPERTY:
                return request(
                        mutation,
                        "UPDATE",
                        existingModel().put("Extra" + shortWord, n),
                        existingModel(),
                        INVALID,
                        "Extra");
            case INCOMPLETE_IDENTIFIER: {
                String action = ACTIONS.get(n % 3);
                String missing = IDENTIFIERS.get((n / 3) % 3);
                ObjectNode model = existingModel();
                if (n % 2 == 0) {
                    model.remove(missing);
                } else {
                    model.put(missing, "");
                }
                // an update without a parent breaks the schema first; both answers name the property
                return request(
                        mutation, action, model, action.equals("UPDATE") ? existingModel() : null, EITHER, missing);
            }
            case FOREIGN_IDENTIFIER: {
                String action = ACTIONS.get(n % 3);
                String property = IDENTIFIERS.get((n / 3) % 3);
                ObjectNode model = existingModel().put(property, foreign);
                ObjectNode previous = action.equals("UPDATE") ? existingModel().put(property, foreign) : null;
                return request(mutation, action, model, previous, NOT_FOUND, foreign);
            }
            case MIXED_IDENTIFIER: {
                // real identifiers from two different resources: the response is not in that integration
                String action = ACTIONS.get(n % 3);
                ObjectNode model = existingModel()
                        .put("ApiId", fixture.otherApiId())
                        .put("IntegrationId", fixture.otherIntegrationId());
                return request(
                        mutation,
                        action,
                        model,
                        action.equals("UPDATE") ? model.deepCopy() : null,
                        NOT_FOUND,
                        fixture.responseId());
            }
            case READ_WRONG_TYPE: {
                String property = IDENTIFIERS.get(n % 3);
                ObjectNode model = existingModel();
                model.set(
                        property,
                        n % 2 == 0
                                ? nodes.arrayNode().add(word)
                                : nodes.objectNode().put("v", word));
                return request(mutation, n % 4 < 2 ? "READ" : "DELETE", model, null, INVALID, property);
            }
            case LIST_MISSING_PARENT: {
                ObjectNode model = nodes.objectNode().put("ApiId", fixture.apiId());
                if (n % 2 == 0) {
                    model.remove("ApiId");
                    model.put("IntegrationId", fixture.integrationId());
                }
                return request(mutation, "LIST", model, null, INVALID, n % 2 == 0 ? "ApiId" : "IntegrationId");
            }
            case LIST_FOREIGN_PARENT: {
                ObjectNode model =
                        nodes.objectNode().put("ApiId", fixture.apiId()).put("IntegrationId", foreign);
                return request(mutation, "LIST", model, null, NOT_FOUND, foreign);
            }
            case UNKNOWN_ACTION: {
                String action = n % 3 == 0 ? "read" : "X" + shortWord;
                return request(mutation, action, existingModel(), null, INVALID, "action");
            }
            case NOT_AN_OBJECT: {
                JsonNode value = switch (n % 4) {
                    case 0 -> nodes.arrayNode().add(word);
                    case 1 -> nodes.textNode(word);
                    case 2 -> nodes.numberNode(n);
                    default -> nodes.booleanNode(true);
                };
                return new BadInput(
                        mutation, value.toString().getBytes(StandardCharsets.UTF_8), INVALID, "JSON object", false);
            }
            case NO_REQUEST_DATA: {
                ObjectNode request = stack.handlerRequest("READ", existingModel(), null);
                if (n % 2 == 0) {
                    request.remove("requestData");
                } else {
                    request.put("requestData", word);
                }
                return new BadInput(mutation, bytes(request), INVALID, "requestData", false);
            }
            case NO_CREDENTIALS: {
                ObjectNode request = stack.handlerRequest(
                        n % 2 == 0 ? "CREATE" : "READ", n % 2 == 0 ? createModel() : existingModel(), null);
                ObjectNode data = (ObjectNode) request.get("requestData");
                if (n % 3 == 0) {
                    data.remove("callerCredentials");
                } else {
                    data.put("callerCredentials", word);
                }
                return new BadInput(mutation, bytes(request), INVALID, "callerCredentials", false);
            }
            case PROPERTIES_NOT_AN_OBJECT: {
                JsonNode value = n % 2 == 0 ? nodes.arrayNode().add(word) : nodes.textNode(word);
                ObjectNode request = stack.handlerRequest(ACTIONS.get(n % 3), null, null);
                ((ObjectNode) request.get("requestData")).set("resourceProperties", value);
                return new BadInput(mutation, bytes(request), INVALID, "resourceProperties", false);
            }
            case MALFORMED_JSON: {
                String text = "{\"action\": \"READ\", \"requestData\": " + word;
                return new BadInput(mutation, text.getBytes(StandardCharsets.UTF_8), EITHER, null, true);
            }
            case TRUNCATED_PAYLOAD: {
                byte[] whole = bytes(stack.handlerRequest("CREATE", createModel(), null));
                int length = 1 + n % (whole.length - 1);
                return new BadInput(mutation, Arrays.copyOf(whole, length), INVALID, null, true);
            }
            case ENVELOPE_NUMBER_OUT_OF_RANGE: {
                return outOfRange(mutation, n);
            }
            case FOREIGN_CALLBACK_CONTEXT: {
                ObjectNode request = stack.handlerRequest(ACTIONS.get(n % 3), existingModel(), null);
                ObjectNode context = request.putObject(n % 2 == 0 ? "callbackContext" : "CallbackContext");
                context.putObject(n % 3 == 0 ? "CALLGRAPHS" : "callGraphs")
                        .putArray("k" + shortWord)
                        .add(n % 2 == 0 ? "java.io.File" : "java.net.InetAddress")
                        .add(word);
                return new BadInput(mutation, bytes(request), INVALID, "which this handler never returns", false);
            }
            case COMPRESSED_GARBAGE: {
                ObjectNode request = nodes.objectNode();
                if (n % 2 == 0) {
                    request.put("__COMPRESSED__", n);
                } else {
                    request.put("__COMPRESSED__", word);
                }
                return new BadInput(mutation, bytes(request), INVALID, "__COMPRESSED__", false);
            }
            case COMPRESSED_BAD_ENVELOPE: {
                BadInput inner = outOfRange(mutation, n);
                try {
                    byte[] packed = new software.amazon.cloudformation.resource.Serializer()
                            .compress(new String(inner.payload(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    return new BadInput(mutation, packed, INVALID, inner.hint(), false);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            case TEST_EVENT_MISTAKE:
                return testEventMistake(mutation, n, shortWord);
            default:
                throw new IllegalArgumentException("no bad input for " + mutation);
        }
    }

    /** A CREATE (which may not create) whose envelope holds a number the runtime cannot read as an int. */
    private BadInput outOfRange(Mutation mutation, int n) {
        ObjectNode request = stack.handlerRequest("CREATE", createModel(), null);
        String huge = n % 2 == 0 ? "3000000000" : "1e400";
        String field;
        switch (n % 4) {
            case 0 -> {
                field = "maxResults";
                request.set(field, numberNode(huge));
            }
            case 1 -> {
                field = "MAXRESULTS";
                request.set(field, numberNode(huge));
            }
            case 2 -> {
                field = "requestContext.invocation";
                request.putObject("requestContext").set("invocation", numberNode(huge));
            }
            default -> {
                field = "callbackContext.throttledRounds";
                request.putObject("callbackContext").set("throttledRounds", numberNode(huge));
            }
        }
        return new BadInput(mutation, bytes(request), INVALID, field, false);
    }

    /** A TestEntrypoint event carrying the canary credentials, with one mistake the runtime's serializer quoted. */
    private BadInput testEventMistake(Mutation mutation, int n, String word) {
        ObjectNode event = nodes.objectNode();
        List<String> canaries = stack.canaries();
        event.putObject("credentials")
                .put("accessKeyId", canaries.get(0))
                .put("secretAccessKey", canaries.get(1))
                .put("sessionToken", canaries.get(2));
        event.put("action", "CREATE");
        event.put("region", stack.region());
        ObjectNode request = event.putObject("request");
        request.put("clientRequestToken", "chaos-" + n);
        ObjectNode model = createModel();
        request.set("desiredResourceState", model);
        String hint;
        switch (n % 6) {
            case 0 -> {
                event.put("action", n % 12 == 0 ? "create" : "X" + word);
                hint = "action";
            }
            case 1 -> {
                event.put("action", n);
                hint = "action";
            }
            case 2 -> {
                String property = MAP_PROPERTIES.get((n / 6) % 2);
                model.set(property, wrongValue(property, n / 6, word));
                hint = property;
            }
            case 3 -> {
                String property = IDENTIFIERS.get((n / 6) % 2);
                model.set(property, nodes.objectNode().put("v", word));
                hint = property;
            }
            case 4 -> {
                event.putObject("callbackContext")
                        .putObject("callGraphs")
                        .putArray("k" + word)
                        .add("java.io.File")
                        .add(word);
                hint = "callbackContext";
            }
            default -> {
                event.put("region", stack.region() + "/../" + word);
                hint = "region";
            }
        }
        return new BadInput(mutation, bytes(event), INVALID, hint, false, SamTestEvent.FUNCTION);
    }

    private JsonNode numberNode(String text) {
        return nodes.numberNode(new java.math.BigDecimal(text));
    }

    /** A bad input drawn from a seeded generator, for runs without a property-based test engine. */
    public BadInput draw(Random random) {
        Mutation[] mutations = Mutation.values();
        return build(mutations[random.nextInt(mutations.length)], junk(random), random.nextInt(Integer.MAX_VALUE));
    }

    /** Why the answer mishandles the input, or null when it is the well-formed failure the input calls for. */
    public static String mishandling(BadInput input, Answer answer) {
        if (input.notJson()
                && answer.httpStatus() == 400
                && "User".equals(answer.field("Type"))
                && answer.message() != null
                && answer.message().startsWith("Could not parse request body")) {
            return null;
        }
        if (!answer.isProgressEvent()) {
            return "not a progress event: " + answer;
        }
        if (!"FAILED".equals(answer.status())) {
            return "status " + answer.status();
        }
        if (!input.codes().contains(answer.errorCode())) {
            return "error code " + answer.errorCode() + ", expected one of " + input.codes();
        }
        if (answer.message() == null || answer.message().isBlank()) {
            return "no message";
        }
        if (input.hint() != null && !answer.message().contains(input.hint())) {
            return "the message does not name " + input.hint() + ": " + answer.message();
        }
        if (answer.model() != null || answer.json().has("resourceModels")) {
            return "a failed event carries a model";
        }
        return null;
    }

    /** Junk of every kind: ASCII, unicode (with and without surrogate pairs), control characters, sometimes huge. */
    static String junk(Random random) {
        int length = random.nextInt(10) == 0 ? 2_000 + random.nextInt(20_000) : random.nextInt(40);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            switch (random.nextInt(5)) {
                case 0 -> out.append((char) (' ' + random.nextInt(95)));
                case 1 -> out.append((char) (0x00A0 + random.nextInt(0x2F00)));
                case 2 -> out.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 3 -> out.append((char) random.nextInt(0x20));
                default -> out.append("\"\\/{}[]$.".charAt(random.nextInt(9)));
            }
        }
        return out.toString();
    }

    private BadInput request(
            Mutation mutation, String action, ObjectNode model, ObjectNode previous, Set<String> codes, String hint) {
        return new BadInput(mutation, bytes(stack.handlerRequest(action, model, previous)), codes, hint, false);
    }

    /** A create that would be valid but for its key, which the service refuses. */
    private ObjectNode createModel() {
        return nodes.objectNode()
                .put("ApiId", fixture.apiId())
                .put("IntegrationId", fixture.integrationId())
                .put("IntegrationResponseKey", BAD_KEY);
    }

    /** The seeded response's identifier and key: an action on it may only fail. */
    private ObjectNode existingModel() {
        return nodes.objectNode()
                .put("ApiId", fixture.apiId())
                .put("IntegrationId", fixture.integrationId())
                .put("IntegrationResponseId", fixture.responseId())
                .put("IntegrationResponseKey", "$default");
    }

    private JsonNode wrongValue(String property, int n, String word) {
        if (MAP_PROPERTIES.contains(property)) {
            return n % 3 == 0
                    ? nodes.textNode(word)
                    : n % 3 == 1 ? nodes.arrayNode().add(word) : nodes.numberNode(n);
        }
        return nonString(n);
    }

    /**
     * A value no string can be read from. A number or a boolean is not one: CloudFormation passes
     * every scalar as a string, so the runtime takes them as strings too.
     */
    private JsonNode nonString(int n) {
        return n % 2 == 0 ? nodes.arrayNode().add(n) : nodes.objectNode().put("n", n);
    }

    private byte[] bytes(JsonNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
