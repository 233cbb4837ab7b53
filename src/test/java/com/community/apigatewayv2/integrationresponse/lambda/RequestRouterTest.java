package com.community.apigatewayv2.integrationresponse.lambda;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.createResponse;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.community.apigatewayv2.integrationresponse.handler.BaseHandlerStd;
import com.community.apigatewayv2.integrationresponse.handler.HandlerConfig;
import com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicy;
import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.Configuration;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseResponse;
import software.amazon.cloudformation.AbstractWrapper;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.injection.SessionCredentialsProvider;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.resource.Serializer;

/** The Lambda entry points end to end, with only the API Gateway V2 client mocked. */
class RequestRouterTest {
    private static final String SECRET = "CANARY-SECRET-KEY-0000";
    private static final String SESSION = "CANARY-SESSION-TOKEN-0000";

    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final List<String> logLines = new ArrayList<>();
    private final List<String> regionsAsked = new ArrayList<>();
    private final Handlers handlers = new Handlers(new HandlerConfig(
            region -> {
                regionsAsked.add(region);
                return client;
            },
            ThrottlePolicy.PRODUCTION));
    private final RequestRouter wrapper = new RequestRouter(handlers);

    private Context context() {
        return RecordingContext.into(logLines);
    }

    /** The caller's credentials every request here carries: canaries, so that a leak can be looked for. */
    private static JSONObject canaryCredentials() {
        return new JSONObject()
                .put("accessKeyId", "AKIDCANARY")
                .put("secretAccessKey", SECRET)
                .put("sessionToken", SESSION);
    }

    private static JSONObject handlerRequest(final String action, final JSONObject properties) {
        return HandlerTestSupport.handlerRequest(action, properties, canaryCredentials());
    }

    private JSONObject invoke(final JSONObject payload) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        wrapper.handleRequest(
                new ByteArrayInputStream(payload.toString().getBytes(StandardCharsets.UTF_8)), out, context());
        return assertNoSecrets(out);
    }

    private JSONObject assertNoSecrets(final ByteArrayOutputStream out) {
        final String response = out.toString(StandardCharsets.UTF_8);
        assertThat(response).doesNotContain(SECRET, SESSION);
        assertThat(String.join("\n", logLines)).doesNotContain(SECRET, SESSION);
        return new JSONObject(response);
    }

    private static JSONObject createInput() {
        return new JSONObject()
                .put("ApiId", HandlerTestSupport.API_ID)
                .put("IntegrationId", HandlerTestSupport.INTEGRATION_ID)
                .put("IntegrationResponseKey", "/200/")
                .put("ContentHandlingStrategy", "CONVERT_TO_TEXT")
                .put("TemplateSelectionExpression", "$request.body.action")
                .put("ResponseParameters", new JSONObject(fullModel().getResponseParameters()))
                .put("ResponseTemplates", new JSONObject(fullModel().getResponseTemplates()));
    }

    @Test
    void createThroughTheTypeFunctionReturnsTheModelAndSendsTheCallersCredentials() throws IOException {
        final ArgumentCaptor<CreateIntegrationResponseRequest> sent =
                ArgumentCaptor.forClass(CreateIntegrationResponseRequest.class);
        // the service answers one value other than the one sent: the event must carry the service's
        when(client.createIntegrationResponse(sent.capture()))
                .thenReturn(createResponse(fullModel().toBuilder()
                        .templateSelectionExpression("$request.body.type")
                        .build()));

        final JSONObject response = invoke(handlerRequest("CREATE", createInput()));

        assertEquals("SUCCESS", response.getString("status"));
        assertEquals(
                Map.of(
                        "ApiId", "a1b2c3d4e5",
                        "IntegrationId", "int1234",
                        "IntegrationResponseId", "res5678",
                        "IntegrationResponseKey", "/200/",
                        "ContentHandlingStrategy", "CONVERT_TO_TEXT",
                        "TemplateSelectionExpression", "$request.body.type",
                        "ResponseParameters",
                                Map.of("method.response.header.X-Trace", "integration.response.header.X-Trace"),
                        "ResponseTemplates", Map.of("application/json", "{\"ok\": true}", "text/plain", "")),
                response.getJSONObject("resourceModel").toMap());
        assertEquals(List.of("AKIDCANARY", SECRET, SESSION), HandlerTestSupport.signedWith(sent.getValue()));
        assertThat(regionsAsked).isNotEmpty().containsOnly("eu-west-1");
        assertEquals("/200/", sent.getValue().integrationResponseKey());
    }

    /** Nothing to strip: responses skip the runtime's per-request schema load. */
    @Test
    void theSchemaDeclaresNoWriteOnlyPropertiesSoModelsGoOutUnchanged() {
        final ResourceModel model = fullModel();

        assertThat(Configuration.resourceSchema().has("writeOnlyProperties")).isFalse();
        assertThat(new RuntimeWrapper(handlers, false).sanitizeModel(model)).isSameAs(model);
    }

    @Test
    void deleteThroughTheTypeFunctionAnswersWithoutAModel() throws IOException {
        when(client.deleteIntegrationResponse(any(DeleteIntegrationResponseRequest.class)))
                .thenReturn(DeleteIntegrationResponseResponse.builder().build());

        final JSONObject response = invoke(handlerRequest(
                "DELETE",
                new JSONObject()
                        .put("ApiId", HandlerTestSupport.API_ID)
                        .put("IntegrationId", HandlerTestSupport.INTEGRATION_ID)
                        .put("IntegrationResponseId", HandlerTestSupport.RESPONSE_ID)));

        assertEquals("SUCCESS", response.getString("status"));
        assertThat(response.has("resourceModel")).isFalse();
        verify(client).deleteIntegrationResponse(any(DeleteIntegrationResponseRequest.class));
    }

    /** Like CloudFormation itself, the runtime passes a number or boolean on as its string form. */
    @Test
    void scalarsWhereStringsBelongAreTakenAsStrings() throws IOException {
        final ArgumentCaptor<CreateIntegrationResponseRequest> sent =
                ArgumentCaptor.forClass(CreateIntegrationResponseRequest.class);
        when(client.createIntegrationResponse(sent.capture())).thenReturn(createResponse(fullModel()));

        final JSONObject response = invoke(handlerRequest(
                "CREATE", createInput().put("ResponseTemplates", new JSONObject().put("application/json", 42))));

        assertEquals("SUCCESS", response.getString("status"), response.toString());
        assertEquals(Map.of("application/json", "42"), sent.getValue().responseTemplates());
    }

    @Test
    void inputTheSchemaRejectsFailsInvalidRequestBeforeAnyCall() throws IOException {
        final Map<JSONObject, String> invalid = Map.of(
                createInput().put("ContentHandlingStrategy", "CONVERT_TO_HEX"),
                "Model validation failed (#/ContentHandlingStrategy: failed validation constraint for keyword [enum]:"
                        + " the value must be one of CONVERT_TO_BINARY, CONVERT_TO_TEXT)",
                createInput().put("RouteId", "abc"),
                "Model validation failed (#: extraneous key [RouteId] is not permitted)",
                createInput()
                        .put(
                                "ResponseTemplates",
                                new JSONObject().put("application/json", new JSONObject().put("a", 1))),
                "Model validation failed (#/ResponseTemplates/application~1json: expected type: String, found:"
                        + " JSONObject)",
                createInput().put("ApiId", new JSONArray().put("a")),
                "Model validation failed (#/ApiId: expected type: String, found: JSONArray)",
                createInput().put("IntegrationResponseKey", JSONObject.NULL),
                "Model validation failed (#: required key [IntegrationResponseKey] not found)");
        for (final Map.Entry<JSONObject, String> input : invalid.entrySet()) {
            final JSONObject properties = input.getKey();
            final JSONObject response = invoke(handlerRequest("CREATE", properties));
            assertEquals("FAILED", response.getString("status"), properties.toString());
            assertEquals("InvalidRequest", response.getString("errorCode"), response.toString());
            assertEquals(input.getValue(), response.getString("message"), properties.toString());
            assertThat(response.has("resourceModel")).isFalse();
        }
        final JSONObject missingKey = createInput();
        missingKey.remove("IntegrationResponseKey");
        final JSONObject response = invoke(handlerRequest("UPDATE", missingKey));
        assertEquals("InvalidRequest", response.getString("errorCode"));
        assertThat(response.getString("message")).contains("IntegrationResponseKey");
        verifyNoInteractions(client);
    }

    @Test
    void theTestEntrypointTakesTheRegionBesideTheRequest() throws IOException {
        when(client.createIntegrationResponse(any(CreateIntegrationResponseRequest.class)))
                .thenReturn(createResponse(fullModel()));
        final JSONObject payload = new JSONObject()
                .put("credentials", canaryCredentials())
                .put("action", "CREATE")
                .put("region", "eu-west-1")
                .put(
                        "request",
                        new JSONObject()
                                .put("clientRequestToken", "token")
                                .put("desiredResourceState", createInput())
                                .put("logicalResourceIdentifier", "Response"));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        wrapper.testEntrypoint(
                new ByteArrayInputStream(payload.toString().getBytes(StandardCharsets.UTF_8)), out, context());

        final JSONObject response = assertNoSecrets(out);
        assertEquals("SUCCESS", response.getString("status"));
        assertEquals(
                HandlerTestSupport.RESPONSE_ID,
                response.getJSONObject("resourceModel").getString("IntegrationResponseId"));
    }

    @Test
    void theTestEntrypointAnswersAMalformedPayloadWithInvalidRequest() throws IOException {
        for (final String payload : List.of("{not json", "{\"action\":\"CREATE\"}")) {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            wrapper.testEntrypoint(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, context());
            final JSONObject response = new JSONObject(out.toString(StandardCharsets.UTF_8));
            assertEquals("FAILED", response.getString("status"), payload);
            assertEquals("InvalidRequest", response.getString("errorCode"), payload);
        }
        verifyNoInteractions(client);
    }

    /** A READ whose API id goes by {@code name}: "ApiId" for the lean path, another casing for the runtime's. */
    private static JSONObject readNamingTheApiAs(final String name) {
        return handlerRequest("READ", new JSONObject().put(name, "a").put("IntegrationId", "b"));
    }

    /** A request the lean path leaves to the runtime says why, once per reason in an environment. */
    @Test
    void goingToTheRuntimeIsLoggedOncePerReason() throws Exception {
        final JSONObject lean = readNamingTheApiAs("ApiId");
        final JSONObject otherCasing = readNamingTheApiAs("apiId");
        final JSONObject failsTheSchema =
                handlerRequest("CREATE", createInput().put("ContentHandlingStrategy", "CONVERT_TO_JSON"));
        invoke(lean);
        assertThat(logLines).noneMatch(line -> line.contains("goes to the RPDK runtime"));

        for (int invocation = 0; invocation < 3; invocation++) {
            invoke(otherCasing);
            invoke(failsTheSchema);
            invoke(lean);
        }

        assertThat(logLines.stream()
                        .filter(line -> line.contains("goes to the RPDK runtime"))
                        .map(String::strip))
                .containsExactly(
                        "This request, and any later one for the same reason, goes to the RPDK runtime: its payload"
                                + " is not in the exact shape CloudFormation sends (a re-invocation's callback context,"
                                + " provider credentials, or a field or casing the lean reader does not know)",
                        "This request, and any later one for the same reason, goes to the RPDK runtime: its"
                                + " properties fail the resource schema, and the runtime words that failure");
    }

    /** Each invocation logs its outcome once, on either path, however many invocations came before. */
    @Test
    void aWarmInstanceLogsEachLineOnce() throws Exception {
        final JSONObject read = readNamingTheApiAs("ApiId");
        final JSONObject readForTheRuntime = readNamingTheApiAs("apiId");
        for (int invocation = 0; invocation < 3; invocation++) {
            invoke(read);
            invoke(readForTheRuntime);
        }
        assertEquals(
                6,
                logLines.stream()
                        .filter(line -> line.startsWith("Handler returned"))
                        .count(),
                logLines.toString());
        final Field runtimeField = RequestRouter.class.getDeclaredField("runtime");
        runtimeField.setAccessible(true);
        final Field proxyField = AbstractWrapper.class.getDeclaredField("platformLoggerProxy");
        proxyField.setAccessible(true);
        final Field publishers = LoggerProxy.class.getDeclaredField("logPublishers");
        publishers.setAccessible(true);
        assertEquals(1, ((List<?>) publishers.get(proxyField.get(runtimeField.get(wrapper)))).size());
    }

    @Test
    void theDefaultConstructorWiresAHandlerForEveryAction() throws IOException {
        final RequestRouter production = new RequestRouter(new Handlers());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final JSONObject read =
                handlerRequest("READ", new JSONObject().put("ApiId", "a").put("IntegrationId", "b"));
        production.handleRequest(
                new ByteArrayInputStream(read.toString().getBytes(StandardCharsets.UTF_8)), out, context());
        final JSONObject response = new JSONObject(out.toString(StandardCharsets.UTF_8));
        assertEquals("NotFound", response.getString("errorCode"));
        assertThat(response.getString("message")).contains("IntegrationResponseId is not set");
    }

    /** The injecting constructor leaves the runtime exactly what its no-argument one would, but our validator. */
    @Test
    void theRuntimeIsWiredAsItWiresItselfWithTheCompiledSchemaValidator() throws Exception {
        final RuntimeWrapper production = new RuntimeWrapper(new Handlers(), false);

        assertThat(field(production, "validator")).isInstanceOf(ResourceSchemaValidator.class);
        assertThat(field(production, "providerCredentialsProvider")).isInstanceOf(SessionCredentialsProvider.class);
        assertThat(field(production, "serializer")).isInstanceOf(Serializer.class);
        assertThat(field(production, "providerCloudWatchProvider")).isNotNull();
        assertThat(field(production, "cloudWatchLogsProvider")).isNotNull();
        for (final String createdOnFirstUse :
                List.of("platformLogPublisher", "providerEventsLogger", "providerMetricsPublisher")) {
            assertThat(field(production, createdOnFirstUse))
                    .as(createdOnFirstUse)
                    .isNull();
        }
    }

    /** Before the envelope named them, every action failed InternalFailure "sessionToken must not be null." with the model. */
    @Test
    void credentialsWithoutASessionTokenFailInvalidRequestNamingItOnBothPaths() throws IOException {
        final JSONObject noToken =
                new JSONObject().put("accessKeyId", "AKIDCANARY").put("secretAccessKey", SECRET);
        final JSONObject identifier = new JSONObject()
                .put("ApiId", HandlerTestSupport.API_ID)
                .put("IntegrationId", HandlerTestSupport.INTEGRATION_ID)
                .put("IntegrationResponseId", HandlerTestSupport.RESPONSE_ID);
        final List<JSONObject> payloads = new ArrayList<>();
        for (final String action : List.of("CREATE", "READ", "UPDATE", "DELETE", "LIST")) {
            final JSONObject properties = "CREATE".equals(action) ? createInput() : identifier;
            payloads.add(HandlerTestSupport.handlerRequest(action, properties, noToken));
            // a callback context sends the request to the runtime's own processing
            payloads.add(HandlerTestSupport.handlerRequest(action, properties, noToken)
                    .put("callbackContext", new JSONObject()));
        }
        for (final JSONObject payload : payloads) {
            assertEquals(
                    failed("InvalidRequest", "callerCredentials carries no sessionToken"),
                    invoke(payload).toMap(),
                    payload.toString());
        }
        verifyNoInteractions(client);
    }

    @Test
    void theTestEntrypointNamesWhatItsCredentialsLack() throws IOException {
        final JSONObject payload = new JSONObject()
                .put(
                        "credentials",
                        new JSONObject().put("accessKeyId", "AKIDCANARY").put("secretAccessKey", SECRET))
                .put("action", "CREATE")
                .put("region", "eu-west-1")
                .put("request", new JSONObject().put("desiredResourceState", createInput()));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        wrapper.testEntrypoint(
                new ByteArrayInputStream(payload.toString().getBytes(StandardCharsets.UTF_8)), out, context());

        assertEquals(
                failed("InvalidRequest", "credentials carries no sessionToken"),
                assertNoSecrets(out).toMap());
        verifyNoInteractions(client);
    }

    /** A handler that answers IN_PROGRESS with the desired model, as one waiting a throttled call out does. */
    private static final BaseHandlerStd IN_PROGRESS = HandlerTestSupport.answering(
            (request, callbackContext) -> ProgressEvent.progress(request.getDesiredResourceState(), callbackContext));

    /** Handlers whose READ, LIST and UPDATE answer IN_PROGRESS, and whose CREATE throws past the exception translator. */
    private RequestRouter routerWithMisbehavingHandlers() {
        final BaseHandlerStd broken = HandlerTestSupport.answering((request, callbackContext) -> {
            throw new AssertionError("the handler broke");
        });
        return new RequestRouter(new Handlers(
                new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION),
                new EnumMap<>(Map.of(
                        Action.READ, IN_PROGRESS,
                        Action.LIST, IN_PROGRESS,
                        Action.UPDATE, IN_PROGRESS,
                        Action.CREATE, broken))));
    }

    private JSONObject invoke(final RequestRouter router, final JSONObject payload) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        router.handleRequest(
                new ByteArrayInputStream(payload.toString().getBytes(StandardCharsets.UTF_8)), out, context());
        return assertNoSecrets(out);
    }

    @Test
    void readAndListThatAnswerInProgressFailInternalFailure() throws IOException {
        final RequestRouter router = routerWithMisbehavingHandlers();
        final JSONObject identifier = new JSONObject()
                .put("ApiId", HandlerTestSupport.API_ID)
                .put("IntegrationId", HandlerTestSupport.INTEGRATION_ID)
                .put("IntegrationResponseId", HandlerTestSupport.RESPONSE_ID);

        for (final String action : List.of("READ", "LIST")) {
            assertEquals(
                    failed("InternalFailure", "READ and LIST handlers must return synchronously."),
                    invoke(router, handlerRequest(action, identifier)).toMap(),
                    action);
        }
        final JSONObject update = invoke(
                router,
                handlerRequest("UPDATE", createInput().put("IntegrationResponseId", HandlerTestSupport.RESPONSE_ID)));
        assertEquals("IN_PROGRESS", update.getString("status"), update.toString());
        assertEquals(
                HandlerTestSupport.RESPONSE_ID,
                update.getJSONObject("resourceModel").getString("IntegrationResponseId"));
    }

    /**
     * CREATE, UPDATE and DELETE may answer IN_PROGRESS (a throttled call waited out by a re-invocation)
     * on the lean path and through the runtime (a callback context sends a request there) alike.
     */
    @Test
    void everyMutatingActionMayAnswerInProgressOnEitherPath() throws IOException {
        final RequestRouter router = new RequestRouter(new Handlers(
                new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION),
                new EnumMap<>(
                        Map.of(Action.CREATE, IN_PROGRESS, Action.UPDATE, IN_PROGRESS, Action.DELETE, IN_PROGRESS))));
        final JSONObject identifier = new JSONObject()
                .put("ApiId", "a1b2c3d4e5")
                .put("IntegrationId", "int1234")
                .put("IntegrationResponseId", "res5678");
        final Map<String, JSONObject> input = Map.of(
                "CREATE", createInput(),
                "UPDATE", createInput().put("IntegrationResponseId", "res5678"),
                "DELETE", identifier);
        for (final String action : List.of("CREATE", "UPDATE", "DELETE")) {
            for (final JSONObject payload : List.of(
                    handlerRequest(action, input.get(action)),
                    handlerRequest(action, input.get(action)).put("callbackContext", new JSONObject()))) {
                final JSONObject response = invoke(router, payload);

                assertEquals("IN_PROGRESS", response.getString("status"), action + ": " + response);
                assertThat(response.has("errorCode")).as(response.toString()).isFalse();
                assertEquals(
                        "a1b2c3d4e5", response.getJSONObject("resourceModel").getString("ApiId"));
            }
        }
        verifyNoInteractions(client);
    }

    /** What a handler throws past the exception translator fails InternalFailure, with its message, on either path. */
    @Test
    void aHandlerThatThrowsFailsInternalFailureWithoutTheDesiredModel() throws IOException {
        final RequestRouter router = routerWithMisbehavingHandlers();

        final JSONObject lean = invoke(router, handlerRequest("CREATE", createInput()));
        // the lean path logs what was thrown, with its stack trace, to the function's log
        assertThat(logLines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("java.lang.AssertionError: the handler broke")
                        .contains("\tat "));
        final JSONObject runtime =
                invoke(router, handlerRequest("CREATE", createInput()).put("callbackContext", new JSONObject()));

        for (final JSONObject response : List.of(lean, runtime)) {
            assertEquals(failed("InternalFailure", "the handler broke"), response.toMap(), response.toString());
        }
        verifyNoInteractions(client);
    }

    /**
     * A FAILED event never carries a model, whichever path writes it, though the handler put one on it:
     * the lean path, the runtime behind the TypeFunction, and the executable wrapper that
     * {@code cfn test --docker-image} runs all answer the same, written out.
     */
    @Test
    void aFailedEventAHandlerPutAModelOnGoesOutWithoutItOnEveryPath() throws IOException {
        final BaseHandlerStd failsWithTheModel =
                HandlerTestSupport.answering((request, callbackContext) -> ProgressEvent.failed(
                        request.getDesiredResourceState(), null, HandlerErrorCode.NotStabilized, "not stable"));
        final Handlers failing = new Handlers(
                new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION),
                new EnumMap<>(Map.of(Action.CREATE, failsWithTheModel)));
        final JSONObject create = handlerRequest("CREATE", createInput());
        final ByteArrayOutputStream executable = new ByteArrayOutputStream();

        new ExecutableRuntimeWrapper(failing, false)
                .process(create.toString().getBytes(StandardCharsets.UTF_8), executable);

        final RequestRouter router = new RequestRouter(failing, false);
        for (final JSONObject response : List.of(
                invoke(router, create),
                invoke(router, handlerRequest("CREATE", createInput()).put("callbackContext", new JSONObject())),
                assertNoSecrets(executable))) {
            assertEquals(failed("NotStabilized", "not stable"), response.toMap(), response.toString());
        }
    }

    @Test
    void theRuntimeWritesAFailedEventWithoutAModel() throws IOException {
        final ProgressEvent<ResourceModel, CallbackContext> failed = ProgressEvent.defaultFailureHandler(
                new IllegalStateException("broken"), HandlerErrorCode.InternalFailure);
        failed.setResourceModel(fullModel());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        new RuntimeWrapper(handlers, false).writeResponse(out, failed);

        assertEquals(failed("InternalFailure", "broken"), new JSONObject(out.toString(StandardCharsets.UTF_8)).toMap());
    }

    /** A READ handler that answers SUCCESS with the model it was given, calling nothing. */
    private static final BaseHandlerStd READS = HandlerTestSupport.answering(
            (request, callbackContext) -> ProgressEvent.defaultSuccessHandler(request.getDesiredResourceState()));

    /** When the temporary directory was last changed, in these tests: long before any clock they give the router. */
    private static final long LISTED_EMPTY_AT = 1_700_000_000_000L;

    /**
     * Serves a READ as inside Lambda, where the temporary directory is the function's, with the wall
     * clock at {@code now}; answers whether a file put there after the first READ (with the directory
     * showing the time it had then, as a coarse file system clock can) is still there after the second.
     */
    private boolean fileSurvivesTheSecondRead(final long now) throws IOException {
        final File tmpDir = emptyTmpDir();
        assertThat(tmpDir.setLastModified(LISTED_EMPTY_AT)).isTrue();
        final RequestRouter router = new RequestRouter(
                new Handlers(
                        new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION),
                        new EnumMap<>(Map.of(Action.READ, READS))),
                true,
                () -> now);
        final JSONObject read = aRead();

        assertEquals("SUCCESS", invoke(router, read).getString("status"));
        assertThat(router)
                .as("an empty directory: the READ is served without the runtime")
                .extracting("runtime")
                .isNull();
        final java.nio.file.Path added = Files.writeString(tmpDir.toPath().resolve("added-after-the-listing.txt"), "x");
        assertThat(tmpDir.setLastModified(LISTED_EMPTY_AT)).isTrue();
        assertEquals("SUCCESS", invoke(router, read).getString("status"));
        final boolean survived = Files.exists(added);
        Files.deleteIfExists(added);
        return survived;
    }

    /**
     * A directory listed empty whose modification time was well in the past then (more than 2 s) is
     * trusted to be empty while it keeps that time: the second READ lists nothing, so the runtime,
     * which would clean the file, is not called.
     */
    @Test
    void aDirectoryListedEmptyLongAfterItsLastChangeIsNotListedAgainWhileItKeepsItsTime() throws IOException {
        assertThat(fileSurvivesTheSecondRead(LISTED_EMPTY_AT + 2_001))
                .as("left alone, 2.001 s after")
                .isTrue();
        assertThat(fileSurvivesTheSecondRead(LISTED_EMPTY_AT + 3_600_000))
                .as("left alone, an hour after")
                .isTrue();
    }

    /**
     * A directory whose last change was at most 2 s before it was listed empty is listed again on the
     * next request: an entry added after the listing may not have moved its time. That READ finds the
     * file, and the runtime cleans it.
     */
    @Test
    void aDirectoryListedEmptyWithin2SecondsOfItsLastChangeIsListedAgain() throws IOException {
        assertThat(fileSurvivesTheSecondRead(LISTED_EMPTY_AT + 2_000))
                .as("cleaned, 2 s after")
                .isFalse();
        assertThat(fileSurvivesTheSecondRead(LISTED_EMPTY_AT))
                .as("cleaned, at once")
                .isFalse();
    }

    /** Once the directory's time moves (an entry added or removed), it is listed again, and a file found there cleaned. */
    @Test
    void aDirectoryWhoseTimeMovedIsListedAgain() throws IOException {
        final File tmpDir = emptyTmpDir();
        assertThat(tmpDir.setLastModified(LISTED_EMPTY_AT)).isTrue();
        final RequestRouter router = new RequestRouter(
                new Handlers(
                        new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION),
                        new EnumMap<>(Map.of(Action.READ, READS))),
                true,
                () -> LISTED_EMPTY_AT + 10_000);
        final JSONObject read = aRead();
        assertEquals("SUCCESS", invoke(router, read).getString("status"));
        final java.nio.file.Path added = Files.writeString(tmpDir.toPath().resolve("added-later.txt"), "x");
        assertThat(tmpDir.setLastModified(LISTED_EMPTY_AT + 1_000)).isTrue();

        assertEquals("SUCCESS", invoke(router, read).getString("status"));

        assertThat(added).as("cleaned after the directory's time moved").doesNotExist();
    }

    /** The executable wrapper and the runtime's TestEntrypoint empty the temporary directory only when told to. */
    @Test
    void theExecutableWrapperAndTheTestEntrypointEmptyTheTemporaryDirectoryOnlyInsideLambda() throws IOException {
        final Handlers reads = new Handlers(
                new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION),
                new EnumMap<>(Map.of(Action.READ, READS)));
        final byte[] read = aRead().toString().getBytes(StandardCharsets.UTF_8);
        final byte[] testRead = new JSONObject()
                .put("credentials", canaryCredentials())
                .put("action", "READ")
                .put("region", "eu-west-1")
                .put(
                        "request",
                        new JSONObject()
                                .put(
                                        "desiredResourceState",
                                        new JSONObject()
                                                .put("ApiId", "a")
                                                .put("IntegrationId", "b")
                                                .put("IntegrationResponseId", "c")))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        for (final boolean insideLambda : List.of(false, true)) {
            final java.nio.file.Path left =
                    Files.writeString(emptyTmpDir().toPath().resolve("left.txt"), "x");
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExecutableRuntimeWrapper(reads, insideLambda).process(read, out);
            assertEquals("SUCCESS", assertNoSecrets(out).getString("status"));
            assertThat(Files.exists(left))
                    .as("the executable wrapper kept the file, inside Lambda: " + insideLambda)
                    .isEqualTo(!insideLambda);

            final java.nio.file.Path leftAgain =
                    Files.writeString(emptyTmpDir().toPath().resolve("left.txt"), "x");
            final ByteArrayOutputStream testOut = new ByteArrayOutputStream();
            new RuntimeWrapper(reads, insideLambda)
                    .testEntrypoint(new ByteArrayInputStream(testRead), testOut, context());
            assertEquals("SUCCESS", assertNoSecrets(testOut).getString("status"));
            assertThat(Files.exists(leftAgain))
                    .as("the TestEntrypoint kept the file, inside Lambda: " + insideLambda)
                    .isEqualTo(!insideLambda);
        }
        emptyTmpDir();
    }

    /** The tests' private temporary directory, emptied. */
    private static File emptyTmpDir() throws IOException {
        final File tmpDir = new File(System.getProperty("java.io.tmpdir"));
        for (final File left : tmpDir.listFiles()) {
            try (Stream<java.nio.file.Path> tree = Files.walk(left.toPath())) {
                tree.sorted(Comparator.reverseOrder())
                        .map(java.nio.file.Path::toFile)
                        .forEach(File::delete);
            }
        }
        assertThat(tmpDir.list()).isEmpty();
        return tmpDir;
    }

    /** A READ of response c of integration b of API a, with the canary credentials. */
    private static JSONObject aRead() {
        return handlerRequest(
                "READ",
                new JSONObject().put("ApiId", "a").put("IntegrationId", "b").put("IntegrationResponseId", "c"));
    }

    /** A FAILED event as both paths write it: nothing but its status, code, message and callback delay. */
    private static Map<String, Object> failed(final String errorCode, final String message) {
        return Map.of("status", "FAILED", "errorCode", errorCode, "message", message, "callbackDelaySeconds", 0);
    }

    private static Object field(final RuntimeWrapper wrapper, final String name) throws ReflectiveOperationException {
        final Field field = AbstractWrapper.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(wrapper);
    }
}
