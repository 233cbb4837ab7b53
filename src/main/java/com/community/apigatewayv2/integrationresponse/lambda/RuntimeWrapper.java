package com.community.apigatewayv2.integrationresponse.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.TypeConfigurationModel;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.json.JSONException;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.LambdaWrapper;
import software.amazon.cloudformation.injection.SessionCredentialsProvider;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;

/**
 * The RPDK runtime's own request processing, for what {@link RequestRouter} does not serve itself:
 * requests in an unusual shape, input that fails the schema, provider credentials, and the
 * TestEntrypoint. {@link #invokeHandler} hands every action to the same {@link Handlers}.
 */
final class RuntimeWrapper extends LambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {
    private static final TypeReference<
                    ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel>>
            TEST_PAYLOAD_TYPE = new TypeReference<>() {};

    private final Handlers handlers;
    /** Whether the runtime's emptying of java.io.tmpdir before each request is done: only inside Lambda. */
    private final boolean scrubsTemporaryDirectory;

    RuntimeWrapper(final Handlers handlers, final boolean scrubsTemporaryDirectory) {
        // what the no-argument constructor builds, but a validator that compiles the schema once; the
        // runtime creates the publishers left null on the first request that needs them, as it does there
        super(
                new SessionCredentialsProvider(),
                null,
                null,
                null,
                RuntimeBinding.validator(),
                new RedactingSerializer(),
                HTTP_CLIENT);
        this.handlers = handlers;
        this.scrubsTemporaryDirectory = scrubsTemporaryDirectory;
    }

    /** The runtime empties java.io.tmpdir before every request: right in Lambda, harmful anywhere else. */
    @Override
    protected void scrubFiles() {
        if (scrubsTemporaryDirectory) {
            super.scrubFiles();
        }
    }

    /**
     * The Lambda log publisher, added once: the runtime's own {@code handleRequest} adds it again on
     * every invocation, so a warm instance printed each platform log line once per invocation it had served.
     */
    void attachPlatformLog(final Context context) {
        if (platformLogPublisher == null) {
            platformLogPublisher = new FunctionLog(context.getLogger());
            platformLoggerProxy.addLogPublisher(platformLogPublisher);
        }
    }

    /** One HandlerRequest payload, read and answered by the runtime. */
    void process(final byte[] payload, final OutputStream outputStream) throws IOException {
        processRequest(new ByteArrayInputStream(payload), outputStream);
    }

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> invokeHandler(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<ResourceModel> request,
            final Action action,
            final CallbackContext callbackContext,
            final TypeConfigurationModel typeConfiguration) {
        return handlers.invoke(proxy, request, action, callbackContext, loggerProxy);
    }

    /**
     * The TestEntrypoint: the same handlers, driven by a {@code ResourceHandlerTestPayload}; inside
     * Lambda its temporary directory is emptied first, as for the TypeFunction.
     */
    void testEntrypoint(final InputStream inputStream, final OutputStream outputStream, final Context context)
            throws IOException {
        scrubFiles();
        loggerProxy = new LoggerProxy();
        loggerProxy.addLogPublisher(new FunctionLog(context.getLogger()));
        ProgressEvent<ResourceModel, CallbackContext> response;
        try {
            final String json = new String(inputStream.readAllBytes(), StandardCharsets.UTF_8);
            final JSONObject raw = new JSONObject(json);
            if (!(raw.opt("credentials") instanceof JSONObject credentials)) {
                throw new IllegalArgumentException("The test payload carries no credentials object");
            }
            final String credentialsProblem = RequestEnvelope.credentialsProblem(credentials, "credentials");
            if (credentialsProblem != null) {
                throw new IllegalArgumentException(credentialsProblem);
            }
            final String payloadProblem = RequestEnvelope.testPayloadProblem(raw);
            if (payloadProblem != null) {
                throw new IllegalArgumentException(payloadProblem);
            }
            final ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel> payload =
                    serializer.deserialize(json, TEST_PAYLOAD_TYPE);
            if (payload.getRequest() == null) {
                throw new IllegalArgumentException("The test payload carries no request");
            }
            final AmazonWebServicesClientProxy proxy = new AmazonWebServicesClientProxy(
                    loggerProxy, payload.getCredentials(), () -> (long) context.getRemainingTimeInMillis());
            if (payload.getRequest().getRegion() == null) {
                // cfn test sends the region beside the request, a field the runtime's payload class lacks
                payload.getRequest().setRegion(raw.optString("region", null));
            }
            response = invokeHandler(
                    proxy,
                    payload.getRequest(),
                    payload.getAction(),
                    payload.getCallbackContext(),
                    payload.getTypeConfiguration());
        } catch (final IOException | IllegalArgumentException | JSONException e) {
            response = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.InvalidRequest);
        }
        writeResponse(outputStream, response);
        outputStream.close();
    }

    @Override
    protected void writeResponse(
            final OutputStream outputStream, final ProgressEvent<ResourceModel, CallbackContext> response)
            throws IOException {
        super.writeResponse(outputStream, RuntimeBinding.finish(response));
    }

    @Override
    protected ResourceHandlerRequest<ResourceModel> transform(
            final HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel> request) {
        return RuntimeBinding.transform(request, getDesiredResourceTags(request));
    }

    @Override
    protected JSONObject provideResourceSchemaJSONObject() {
        return RuntimeBinding.schema();
    }

    @Override
    protected ResourceModel sanitizeModel(final ResourceModel model) {
        return RuntimeBinding.sanitize(model);
    }

    @Override
    protected Map<String, String> provideResourceDefinedTags(final ResourceModel resourceModel) {
        return RuntimeBinding.resourceDefinedTags();
    }

    @Override
    protected TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> getTypeReference() {
        return RuntimeBinding.REQUEST_TYPE;
    }

    @Override
    protected TypeReference<ResourceModel> getModelTypeReference() {
        return RuntimeBinding.MODEL_TYPE;
    }
}
