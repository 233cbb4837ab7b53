package com.community.apigatewayv2.integrationresponse;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.json.JSONException;
import org.json.JSONObject;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.LambdaWrapper;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.injection.SessionCredentialsProvider;
import software.amazon.cloudformation.loggers.LambdaLogPublisher;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.RequestData;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;
import software.amazon.cloudformation.resource.Serializer;

/**
 * The Lambda entry points: {@link #handleRequest} is the TypeFunction CloudFormation invokes,
 * {@link #testEntrypoint} the TestEntrypoint that {@code cfn test} and SAM use.
 */
public final class HandlerWrapper extends LambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {
    // Returned from methods the superclass constructor calls, so they must exist before any instance field.
    private static final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> REQUEST_TYPE =
        new TypeReference<>() { };
    private static final TypeReference<ResourceModel> MODEL_TYPE = new TypeReference<>() { };
    private static final TypeReference<ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel>>
        TEST_PAYLOAD_TYPE = new TypeReference<>() { };

    private static final Map<Action, BaseHandlerStd> HANDLERS = Map.of(
        Action.CREATE, new CreateHandler(),
        Action.READ, new ReadHandler(),
        Action.UPDATE, new UpdateHandler(),
        Action.DELETE, new DeleteHandler(),
        Action.LIST, new ListHandler());

    private final Function<String, ApiGatewayV2Client> clients;

    public HandlerWrapper() {
        this(ClientBuilder::client);
    }

    /** @param clients the API Gateway V2 client for a region */
    HandlerWrapper(final Function<String, ApiGatewayV2Client> clients) {
        // what the no-argument constructor builds, but a validator that compiles the schema once; the
        // runtime creates the publishers left null on the first request that needs them, as it does there
        super(new SessionCredentialsProvider(), null, null, null, new ResourceSchemaValidator(), new Serializer(),
            HTTP_CLIENT);
        this.clients = clients;
    }

    @Override
    public ProgressEvent<ResourceModel, CallbackContext> invokeHandler(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final Action action,
        final CallbackContext callbackContext,
        final TypeConfigurationModel typeConfiguration) {

        final BaseHandlerStd handler = action == null ? null : HANDLERS.get(action);
        if (handler == null) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, "Unknown action " + action);
        }
        if (request.getDesiredResourceState() == null) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, "The request carries no resource model");
        }
        final String nullValue = Translator.nullMapValue(request.getDesiredResourceState());
        if (nullValue != null) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, nullValue);
        }
        if (request.getRegion() == null) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, "The request names no region");
        }
        return handler.handleRequest(proxy, request, callbackContext == null ? new CallbackContext() : callbackContext,
            proxy.newProxy(() -> clients.apply(request.getRegion())), loggerProxy);
    }

    /**
     * The TypeFunction. A payload the runtime would misread (not an object, no credentials, an
     * unknown action, properties that are not an object) fails InvalidRequest here, naming what is
     * wrong, instead of reaching the runtime and ending as InternalFailure. And the Lambda log
     * publisher is added once: the runtime's own version adds it again on every invocation, so a warm
     * instance printed each platform log line once per invocation it had served.
     */
    @Override
    public void handleRequest(final InputStream inputStream, final OutputStream outputStream, final Context context)
        throws IOException {
        if (platformLogPublisher == null) {
            platformLogPublisher = new LambdaLogPublisher(context.getLogger());
            platformLoggerProxy.addLogPublisher(platformLogPublisher);
        }
        final byte[] payload = inputStream.readAllBytes();
        final String problem = RequestEnvelope.problemWith(payload);
        if (problem == null) {
            processRequest(new ByteArrayInputStream(payload), outputStream);
        } else {
            writeResponse(outputStream, ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, problem));
        }
        outputStream.close();
    }

    /** The TestEntrypoint: the same handlers, driven by a {@code ResourceHandlerTestPayload}. */
    public void testEntrypoint(final InputStream inputStream, final OutputStream outputStream, final Context context)
        throws IOException {
        loggerProxy = new LoggerProxy();
        loggerProxy.addLogPublisher(new LambdaLogPublisher(context.getLogger()));
        ProgressEvent<ResourceModel, CallbackContext> response;
        try {
            final String json = new String(inputStream.readAllBytes(), StandardCharsets.UTF_8);
            final ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel> payload =
                serializer.deserialize(json, TEST_PAYLOAD_TYPE);
            if (payload.getCredentials() == null || payload.getRequest() == null) {
                throw new IllegalArgumentException("The test payload needs credentials and a request");
            }
            final AmazonWebServicesClientProxy proxy = new AmazonWebServicesClientProxy(
                loggerProxy, payload.getCredentials(), () -> (long) context.getRemainingTimeInMillis());
            if (payload.getRequest().getRegion() == null) {
                // cfn test sends the region beside the request, a field the runtime's payload class lacks
                payload.getRequest().setRegion(new JSONObject(json).optString("region", null));
            }
            response = invokeHandler(proxy, payload.getRequest(), payload.getAction(), payload.getCallbackContext(),
                payload.getTypeConfiguration());
        } catch (final BaseHandlerException e) {
            response = ProgressEvent.defaultFailureHandler(e, e.getErrorCode());
        } catch (final AwsServiceException e) {
            response = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.GeneralServiceException);
        } catch (final IOException | IllegalArgumentException | JSONException e) {
            response = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.InvalidRequest);
        }
        writeResponse(outputStream, response);
        outputStream.close();
    }

    @Override
    protected ResourceHandlerRequest<ResourceModel> transform(
        final HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel> request) {
        final RequestData<ResourceModel, TypeConfigurationModel> requestData = request.getRequestData();
        return ResourceHandlerRequest.<ResourceModel>builder()
            .clientRequestToken(request.getBearerToken())
            .desiredResourceState(requestData.getResourceProperties())
            .previousResourceState(requestData.getPreviousResourceProperties())
            .desiredResourceTags(getDesiredResourceTags(request))
            .systemTags(requestData.getSystemTags())
            .awsAccountId(request.getAwsAccountId())
            .logicalResourceIdentifier(requestData.getLogicalResourceId())
            .nextToken(request.getNextToken())
            .region(request.getRegion())
            .build();
    }

    @Override
    protected JSONObject provideResourceSchemaJSONObject() {
        return Configuration.resourceSchema();
    }

    /**
     * The runtime strips write-only properties from every final response by loading and checking the
     * whole schema again, on each request. This schema declares none (a test holds it to that), so the
     * model goes out as it is.
     */
    @Override
    protected ResourceModel sanitizeModel(final ResourceModel model) {
        return model;
    }

    @Override
    protected Map<String, String> provideResourceDefinedTags(final ResourceModel resourceModel) {
        return null;
    }

    @Override
    protected TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> getTypeReference() {
        return REQUEST_TYPE;
    }

    @Override
    protected TypeReference<ResourceModel> getModelTypeReference() {
        return MODEL_TYPE;
    }
}
