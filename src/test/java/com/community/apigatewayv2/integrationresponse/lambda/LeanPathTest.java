package com.community.apigatewayv2.integrationresponse.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;

import com.amazonaws.services.lambda.runtime.Context;
import com.community.apigatewayv2.integrationresponse.handler.BaseHandlerStd;
import com.community.apigatewayv2.integrationresponse.handler.HandlerConfig;
import com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicy;
import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.json.JSONArray;
import org.json.JSONObject;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.resource.Serializer;

/**
 * The wrapper's own request path against the RPDK runtime's, on the same payloads: each handler is
 * given the same request and credentials, and CloudFormation gets the same answer. Payloads in the
 * usual shape must take the lean path; any field the lean reader does not know exactly must go to
 * the runtime.
 */
class LeanPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT_SAMPLES =
            List.of("", "a", "/200/", "$default", "é\"\\\n\u0001", "\ud83d\ude00<>");

    /** A handler that records what it was given and answers from it, the same way on both paths. */
    private static final class Recording extends BaseHandlerStd {
        final List<Object> seen = new ArrayList<>();

        @Override
        protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
                final AmazonWebServicesClientProxy proxy,
                final ResourceHandlerRequest<ResourceModel> request,
                final CallbackContext callbackContext,
                final ProxyClient<ApiGatewayV2Client> proxyClient,
                final Logger logger) {
            final AwsCredentials[] sentWith = new AwsCredentials[1];
            proxyClient.injectCredentialsAndInvokeV2(
                    GetIntegrationResponseRequest.builder().build(), sent -> {
                        sentWith[0] = sent.overrideConfiguration()
                                .orElseThrow()
                                .credentialsProvider()
                                .orElseThrow()
                                .resolveCredentials();
                        return GetIntegrationResponseResponse.builder().build();
                    });
            final AwsCredentials credentials = sentWith[0];
            seen.add(request);
            seen.add(callbackContext);
            seen.add(new SignedWith(
                    credentials.accessKeyId(),
                    credentials.secretAccessKey(),
                    ((AwsSessionCredentials) credentials).sessionToken()));
            final ResourceModel desired = request.getDesiredResourceState();
            final String token = String.valueOf(request.getClientRequestToken());
            if (token.hashCode() % 5 == 0) {
                return ProgressEvent.failed(null, null, HandlerErrorCode.NotFound, "not found: " + token);
            }
            if (token.hashCode() % 7 == 0) {
                throw new IllegalStateException("thrown for " + token);
            }
            return request.getPreviousResourceState() == null || token.hashCode() % 2 == 0
                    ? ProgressEvent.defaultSuccessHandler(desired)
                    : ProgressEvent.<ResourceModel, CallbackContext>builder()
                            .status(OperationStatus.SUCCESS)
                            .resourceModels(List.of(desired, request.getPreviousResourceState()))
                            .nextToken(token)
                            .build();
        }
    }

    /** The credentials a handler's service call was signed with. */
    private record SignedWith(String accessKeyId, String secretAccessKey, String sessionToken) {}

    /** What {@link #credentials()} holds, written out. */
    private static final SignedWith CALLER = new SignedWith("AKID", "secret", "session");

    private static final class Side {
        /** Inside Lambda (the temporary directory emptied before each request), unless built otherwise. */
        final boolean insideLambda;

        Side() {
            this(true);
        }

        Side(final boolean insideLambda) {
            this.insideLambda = insideLambda;
            this.wrapper = new RequestRouter(handlers, insideLambda);
        }

        final Recording handler = new Recording();
        final Handlers handlers = new Handlers(
                new HandlerConfig(region -> mock(ApiGatewayV2Client.class), ThrottlePolicy.PRODUCTION),
                Map.of(
                        Action.CREATE,
                        handler,
                        Action.READ,
                        handler,
                        Action.UPDATE,
                        handler,
                        Action.DELETE,
                        handler,
                        Action.LIST,
                        handler));
        final RequestRouter wrapper;
        final List<String> log = new ArrayList<>();

        Context context() {
            return RecordingContext.into(log);
        }

        /** Whether every request this side's TypeFunction was given was served without the runtime, built on first need. */
        boolean servedOnTheLeanPath() throws ReflectiveOperationException {
            final Field runtime = RequestRouter.class.getDeclaredField("runtime");
            runtime.setAccessible(true);
            return runtime.get(wrapper) == null;
        }

        /** Through the TypeFunction, as Lambda calls it. */
        String typeFunction(final byte[] payload) throws IOException {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            wrapper.handleRequest(new ByteArrayInputStream(payload), out, context());
            return out.toString(StandardCharsets.UTF_8);
        }

        /**
         * Straight through the runtime's request processing, given what the router gives it: a
         * re-invocation whose input the schema refuses goes without its callback context, so the
         * runtime validates it as a first invocation.
         */
        String runtime(final byte[] payload) throws IOException {
            final RuntimeWrapper runtime = new RuntimeWrapper(handlers, insideLambda);
            runtime.attachPlatformLog(context());
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final RequestEnvelope envelope = RequestEnvelope.open(payload);
            runtime.process(
                    envelope.problem() == null
                            ? envelope.runtimePayload(new ResourceSchemaValidator()::isValid)
                            : payload,
                    out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Served as the runtime serves it, and served on the lean path: outside Lambda (so whatever the
     * temporary directory holds), every request but one whose input the schema refuses (the runtime
     * words that refusal) is answered without the runtime.
     */
    @Property(tries = 1500)
    void aRequestInTheUsualShapeIsServedAsTheRuntimeServesIt(@ForAll("requests") final JSONObject payload)
            throws IOException, ReflectiveOperationException {
        assertNotNull(LeanRequest.read(payload), payload::toString);
        final byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        assertSameAnswer(bytes);
        final Side outside = new Side(false);

        final JSONObject answer = new JSONObject(outside.typeFunction(bytes));

        final boolean refusedBySchema = "InvalidRequest".equals(answer.optString("errorCode"))
                && answer.getString("message").startsWith("Model validation failed");
        assertEquals(
                !refusedBySchema,
                outside.servedOnTheLeanPath(),
                () -> "served on the lean path: " + payload + " -> " + answer);
    }

    @Property(tries = 600)
    void anythingElseGoesToTheRuntimeAndGetsItsAnswer(
            @ForAll("requests") final JSONObject payload, @ForAll("unusual") final UnaryOperator<JSONObject> unusual)
            throws IOException {
        final JSONObject changed = unusual.apply(new JSONObject(payload.toString()));
        assertNull(LeanRequest.read(changed), changed::toString);
        assertSameAnswer(changed.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Example
    void aCompressedPayloadIsUnpackedByTheRuntime() throws IOException {
        final JSONObject payload = request(
                "READ",
                new JSONObject().put("ApiId", "a").put("IntegrationId", "b").put("IntegrationResponseId", "c"));
        final byte[] compressed = new Serializer().compress(payload.toString()).getBytes(StandardCharsets.UTF_8);

        final String answer = assertSameAnswer(compressed);

        assertThat(answer).contains("\"SUCCESS\"", "\"ApiId\":\"a\"");
    }

    /** Something left in the temporary directory is cleaned, by the runtime, before the request is served. */
    @Example
    void aRequestAfterAFileWasLeftInTheTemporaryDirectoryFindsItGone() throws IOException {
        final java.nio.file.Path left = java.nio.file.Files.writeString(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "left-by-another-stack.txt"), "secret");
        final JSONObject payload = request(
                "READ",
                new JSONObject().put("ApiId", "a").put("IntegrationId", "b").put("IntegrationResponseId", "c"));

        final String answer = new Side().typeFunction(payload.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(left).doesNotExist();
        assertThat(answer).contains("\"SUCCESS\"");
        assertSameAnswer(payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Outside Lambda the temporary directory is shared: nothing in it is deleted, on the lean path or
     * through the runtime (input the schema rejects goes there).
     */
    @Example
    void outsideLambdaAFileInTheTemporaryDirectoryIsLeftAlone() throws IOException {
        final java.nio.file.Path other = java.nio.file.Files.writeString(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "another-program-s-work.txt"), "theirs");
        try {
            final Side outside = new Side(false);
            final byte[] readRequest = request(
                            "READ",
                            new JSONObject()
                                    .put("ApiId", "a")
                                    .put("IntegrationId", "b")
                                    .put("IntegrationResponseId", "c"))
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            final String read = outside.typeFunction(readRequest);
            final String invalid = outside.typeFunction(request(
                            "CREATE",
                            new JSONObject()
                                    .put("ApiId", "a")
                                    .put("IntegrationId", "b")
                                    .put("IntegrationResponseKey", "/200/")
                                    .put("ContentHandlingStrategy", "CONVERT_TO_HEX"))
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
            final String runtime = outside.runtime(readRequest);

            assertThat(other).hasContent("theirs");
            assertThat(read).contains("\"SUCCESS\"");
            assertThat(invalid).contains("\"InvalidRequest\"", "Model validation failed");
            assertThat(runtime).contains("\"SUCCESS\"");
            // the two READs reached the handler; the CREATE the schema rejects did not
            assertThat(outside.handler.seen).hasSize(6); // three entries (request, context, credentials) per READ
        } finally {
            java.nio.file.Files.deleteIfExists(other);
        }
    }

    @Example
    void inputTheSchemaRejectsIsWordedByTheRuntime() throws IOException {
        final JSONObject payload = request(
                "CREATE",
                new JSONObject()
                        .put("ApiId", "a")
                        .put("IntegrationId", "b")
                        .put("IntegrationResponseKey", "/200/")
                        .put("ContentHandlingStrategy", "CONVERT_TO_HEX"));

        final String answer = assertSameAnswer(payload.toString().getBytes(StandardCharsets.UTF_8));

        assertNotNull(LeanRequest.read(payload));
        assertThat(answer).contains("\"InvalidRequest\"", "Model validation failed", "ContentHandlingStrategy");
    }

    private static String assertSameAnswer(final byte[] payload) throws IOException {
        final Side lean = new Side();
        final Side runtime = new Side();
        final String leanAnswer = lean.typeFunction(payload);
        final String runtimeAnswer = runtime.runtime(payload);
        final String what = new String(payload, StandardCharsets.UTF_8);
        assertEquals(JSON.readTree(runtimeAnswer), JSON.readTree(leanAnswer), what);
        assertEquals(runtime.handler.seen, lean.handler.seen, what);
        for (final Object seen : lean.handler.seen) {
            if (seen instanceof SignedWith signedWith) {
                assertEquals(CALLER, signedWith, what);
            }
        }
        assertEquals(
                runtime.log.stream()
                        .filter(line -> line.startsWith("Handler returned"))
                        .toList(),
                lean.log.stream()
                        .filter(line -> line.startsWith("Handler returned"))
                        .toList(),
                what);
        return leanAnswer;
    }

    private static JSONObject request(final String action, final JSONObject properties) {
        return HandlerTestSupport.handlerRequest(action, properties, credentials());
    }

    private static JSONObject credentials() {
        return new JSONObject()
                .put("accessKeyId", "AKID")
                .put("secretAccessKey", "secret")
                .put("sessionToken", "session");
    }

    @Provide
    Arbitrary<JSONObject> requests() {
        final Arbitrary<JSONObject> model = model();
        return Combinators.combine(
                        Arbitraries.of(Action.class).map(Action::name),
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                        model,
                        model.injectNull(0.6),
                        optionalFields(),
                        optionalDataFields())
                .as((action, token, properties, previous, fields, dataFields) -> {
                    final JSONObject data = new JSONObject(dataFields.toString())
                            .put("callerCredentials", credentials())
                            .put("resourceProperties", properties);
                    if (previous != null) {
                        data.put("previousResourceProperties", previous);
                    }
                    return new JSONObject(fields.toString())
                            .put("action", action)
                            .put("bearerToken", token)
                            .put("requestData", data);
                });
    }

    /** Mostly valid input, so most CREATEs and UPDATEs pass validation and reach the handler. */
    private static Arbitrary<JSONObject> model() {
        final Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.of(TEXT_SAMPLES),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(6));
        final Arbitrary<JSONObject> map = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), text)
                .ofMaxSize(3)
                .map(JSONObject::new);
        return Combinators.combine(
                        text.injectNull(0.05),
                        text.injectNull(0.05),
                        text.injectNull(0.5),
                        text.injectNull(0.05),
                        Arbitraries.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT").injectNull(0.5),
                        map.injectNull(0.5),
                        map.injectNull(0.5),
                        text.injectNull(0.5))
                .as((apiId, integrationId, responseId, key, strategy, parameters, templates, selection) -> {
                    final JSONObject properties = new JSONObject();
                    properties
                            .putOpt("ApiId", apiId)
                            .putOpt("IntegrationId", integrationId)
                            .putOpt("IntegrationResponseId", responseId)
                            .putOpt("IntegrationResponseKey", key)
                            .putOpt("ContentHandlingStrategy", strategy)
                            .putOpt("ResponseParameters", parameters)
                            .putOpt("ResponseTemplates", templates)
                            .putOpt("TemplateSelectionExpression", selection);
                    return properties;
                });
    }

    private static Arbitrary<JSONObject> optionalFields() {
        final Arbitrary<String> text = Arbitraries.of(TEXT_SAMPLES).injectNull(0.5);
        final Arbitrary<Boolean> flag = Arbitraries.of(true, false).injectNull(0.6);
        final Arbitrary<JSONObject> flags = Combinators.combine(flag, flag, flag)
                .as((snapshot, rollback, driftable) -> {
                    final JSONObject set = new JSONObject();
                    set.putOpt("snapshotRequested", snapshot)
                            .putOpt("rollback", rollback)
                            .putOpt("driftable", driftable);
                    return set;
                });
        final Arbitrary<JSONObject> policy = Arbitraries.of(
                        new JSONObject().put("a", "b"),
                        new JSONObject()
                                .put(
                                        "nested",
                                        new JSONObject()
                                                .put("x", true)
                                                .put(
                                                        "list",
                                                        new JSONArray().put("y").put(false))),
                        new JSONObject())
                .injectNull(0.7);
        return Combinators.combine(
                        text,
                        text,
                        Arbitraries.of("eu-west-1", "us-east-1").injectNull(0.1),
                        text,
                        Arbitraries.integers().between(1, 100).injectNull(0.8),
                        flags,
                        policy)
                .as((account, nextToken, region, stackId, maxResults, flagSet, features) -> {
                    final JSONObject fields = new JSONObject(flagSet.toString());
                    fields.putOpt("awsAccountId", account)
                            .putOpt("nextToken", nextToken)
                            .putOpt("region", region)
                            .putOpt("stackId", stackId)
                            .putOpt("maxResults", maxResults)
                            .putOpt("features", features)
                            .putOpt("updatePolicy", features)
                            .putOpt("creationPolicy", features)
                            .putOpt("resourceType", ResourceModel.TYPE_NAME)
                            .putOpt("resourceTypeVersion", account);
                    return fields;
                });
    }

    private static Arbitrary<JSONObject> optionalDataFields() {
        final Arbitrary<JSONObject> tags = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4), Arbitraries.of(TEXT_SAMPLES))
                .ofMaxSize(3)
                .map(JSONObject::new)
                .injectNull(0.5);
        return Combinators.combine(
                        tags, tags, tags, tags, Arbitraries.of("Response", "é").injectNull(0.3))
                .as((stackTags, previousStackTags, systemTags, previousSystemTags, logicalId) -> {
                    final JSONObject data = new JSONObject();
                    data.putOpt("stackTags", stackTags)
                            .putOpt("previousStackTags", previousStackTags)
                            .putOpt("systemTags", systemTags)
                            .putOpt("previousSystemTags", previousSystemTags)
                            .putOpt("logicalResourceId", logicalId)
                            .putOpt("providerLogGroupName", logicalId);
                    return data;
                });
    }

    /** One change only the runtime's lenient mapping reads: the lean reader must hand the request on. */
    @Provide
    Arbitrary<UnaryOperator<JSONObject>> unusual() {
        return Arbitraries.of(List.of(
                request -> property(request, "apiid", "lower-case name"),
                request -> property(request, "ApiId", 42),
                request -> property(request, "IntegrationResponseKey", true),
                request -> property(request, "TemplateSelectionExpression", JSONObject.NULL),
                request -> property(request, "ResponseTemplates", new JSONObject().put("a", 1)),
                request -> property(request, "ResponseParameters", new JSONObject().put("a", JSONObject.NULL)),
                request -> request.put("Region", "eu-west-1"),
                request -> request.put("bearerToken", 12),
                request -> request.put("callbackContext", new JSONObject()),
                request -> request.put("rollback", "true"),
                request -> request.put("features", new JSONObject().put("n", 1)),
                request -> request.put("requestContext", new JSONObject().put("invocation", 1)),
                request -> request.put("nextToken", JSONObject.NULL),
                request -> data(request, "typeConfiguration", new JSONObject()),
                request -> data(request, "stackTags", new JSONObject().put("a", 1)),
                request -> data(request, "unknown", "x"),
                request -> {
                    request.getJSONObject("requestData")
                            .getJSONObject("callerCredentials")
                            .put("expiry", "x");
                    return request;
                },
                request -> {
                    request.getJSONObject("requestData").remove("resourceProperties");
                    return request;
                }));
    }

    private static JSONObject data(final JSONObject request, final String name, final Object value) {
        request.getJSONObject("requestData").put(name, value);
        return request;
    }

    private static JSONObject property(final JSONObject request, final String name, final Object value) {
        request.getJSONObject("requestData").getJSONObject("resourceProperties").put(name, value);
        return request;
    }
}
