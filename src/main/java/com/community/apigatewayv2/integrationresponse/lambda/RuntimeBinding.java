package com.community.apigatewayv2.integrationresponse.lambda;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.Configuration;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.TypeConfigurationModel;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import org.json.JSONObject;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.RequestData;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.resource.SchemaValidator;

/**
 * What this type gives the RPDK runtime's wrappers, whichever of them serves the request: the Lambda
 * one ({@link RuntimeWrapper}) or the executable one ({@link ExecutableRuntimeWrapper}). Java lets a
 * class extend one wrapper only, so each wrapper's overrides are one line that delegates here, each
 * hands every action to the same {@link com.community.apigatewayv2.integrationresponse.handler.Handlers},
 * and the two serve a request alike by construction.
 */
final class RuntimeBinding {
    // Returned from methods the superclass constructor calls, so they must exist before any instance field.
    static final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> REQUEST_TYPE =
            new TypeReference<>() {};
    static final TypeReference<ResourceModel> MODEL_TYPE = new TypeReference<>() {};

    /**
     * Whether this JVM runs in a Lambda execution environment, where {@code java.io.tmpdir} belongs to
     * the function and the runtime empties it before every request. Anywhere else (a laptop, a CI
     * runner, a container with a mounted temporary directory) that directory is shared, and nothing
     * in it is ours to delete.
     */
    static final boolean INSIDE_LAMBDA = insideLambda(System.getenv());

    /**
     * The most of a message an event carries. Lambda answers at most 6 MB, and schema failures list
     * every broken value: 940 KB of invalid ResponseParameters made a 7.2 MB message.
     */
    static final int MAX_MESSAGE_CHARS = 16 * 1024;

    private RuntimeBinding() {}

    /**
     * Inside Lambda when both variables Lambda's runtime sets for every function are there: the
     * address of its runtime API and the directory of the function's code.
     */
    static boolean insideLambda(final Map<String, String> environment) {
        return isSet(environment.get("AWS_LAMBDA_RUNTIME_API")) && isSet(environment.get("LAMBDA_TASK_ROOT"));
    }

    private static boolean isSet(final String value) {
        return value != null && !value.isBlank();
    }

    /** The runtime's own validator parses four meta-schemas on construction and recompiles the schema per request. */
    static SchemaValidator validator() {
        return new ResourceSchemaValidator();
    }

    static ResourceHandlerRequest<ResourceModel> transform(
            final HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel> request,
            final Map<String, String> desiredResourceTags) {
        final RequestData<ResourceModel, TypeConfigurationModel> requestData = request.getRequestData();
        return ResourceHandlerRequest.<ResourceModel>builder()
                .clientRequestToken(request.getBearerToken())
                .desiredResourceState(requestData.getResourceProperties())
                .previousResourceState(requestData.getPreviousResourceProperties())
                .desiredResourceTags(desiredResourceTags)
                .systemTags(requestData.getSystemTags())
                .awsAccountId(request.getAwsAccountId())
                .logicalResourceIdentifier(requestData.getLogicalResourceId())
                .nextToken(request.getNextToken())
                .region(request.getRegion())
                .build();
    }

    static JSONObject schema() {
        return Configuration.resourceSchema();
    }

    /**
     * The runtime strips write-only properties from every final response by loading and checking the
     * whole schema again, on each request. This schema declares none (a test holds it to that), so the
     * model goes out as it is.
     */
    static ResourceModel sanitize(final ResourceModel model) {
        return model;
    }

    /** The schema declares no tags property, so the only tags are the stack's. */
    static Map<String, String> resourceDefinedTags() {
        return null;
    }

    /**
     * What every event goes out as, whichever path wrote it: a FAILED event never carries a model (the
     * runtime puts the desired model on the FAILED event of a mutating action whose handler threw),
     * and a message is cut to {@link #MAX_MESSAGE_CHARS}, saying how much was left out.
     */
    static ProgressEvent<ResourceModel, CallbackContext> finish(
            final ProgressEvent<ResourceModel, CallbackContext> event) {
        if (event.getStatus() == OperationStatus.FAILED) {
            event.setResourceModel(null);
        }
        final String message = event.getMessage();
        if (message != null && message.length() > MAX_MESSAGE_CHARS) {
            int end = MAX_MESSAGE_CHARS;
            if (Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            event.setMessage(message.substring(0, end) + "... (" + (message.length() - end) + " more characters)");
        }
        return event;
    }
}
