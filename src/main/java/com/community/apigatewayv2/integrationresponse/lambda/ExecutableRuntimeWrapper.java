package com.community.apigatewayv2.integrationresponse.lambda;

import com.community.apigatewayv2.integrationresponse.handler.ExceptionTranslator;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.TypeConfigurationModel;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.ExecutableWrapper;
import software.amazon.cloudformation.injection.SessionCredentialsProvider;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The RPDK runtime's executable wrapper, what {@code cfn test --docker-image} runs outside Lambda:
 * one {@code HandlerRequest} payload in, the event out, the platform log through SLF4J. Everything it
 * decides about the type is {@link RuntimeBinding}'s, as for {@link RuntimeWrapper}.
 */
public final class ExecutableRuntimeWrapper
        extends ExecutableWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {
    private final Handlers handlers;
    /** As {@link RuntimeWrapper}'s: java.io.tmpdir is emptied only inside Lambda. */
    private final boolean scrubsTemporaryDirectory;

    public ExecutableRuntimeWrapper(final Handlers handlers) {
        this(handlers, RuntimeBinding.INSIDE_LAMBDA);
    }

    ExecutableRuntimeWrapper(final Handlers handlers, final boolean scrubsTemporaryDirectory) {
        // as RuntimeWrapper: the runtime creates the publishers left null on the first request that needs them
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

    @Override
    protected void scrubFiles() {
        if (scrubsTemporaryDirectory) {
            super.scrubFiles();
        }
    }

    /**
     * One HandlerRequest payload, checked as the TypeFunction checks it ({@link RequestEnvelope}) and
     * then served by the runtime; a payload it refuses fails InvalidRequest naming the problem.
     */
    public void process(final byte[] payload, final OutputStream outputStream) throws IOException {
        final RequestEnvelope envelope = RequestEnvelope.open(payload);
        if (envelope.problem() != null) {
            writeResponse(
                    outputStream, ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, envelope.problem()));
            outputStream.flush();
            return;
        }
        handleRequest(
                new ByteArrayInputStream(envelope.runtimePayload(new ResourceSchemaValidator()::isValid)),
                outputStream);
    }

    @Override
    protected void writeResponse(
            final OutputStream outputStream, final ProgressEvent<ResourceModel, CallbackContext> response)
            throws IOException {
        super.writeResponse(outputStream, RuntimeBinding.finish(response));
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
