package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property.Role;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * PATCH towards the desired state, then prove it with a read. A property the template dropped is
 * cleared when the previous state had it; if the service's answer still shows something the template
 * does not ask for (changed outside CloudFormation), one more PATCH clears exactly that.
 */
public class UpdateHandler extends BaseHandlerStd {
    private static final List<Property> CREATE_ONLY = Property.playing(Role.PARENT);

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<ResourceModel> request,
            final CallbackContext callbackContext,
            final ProxyClient<ApiGatewayV2Client> proxyClient,
            final Logger logger) {
        final ResourceModel desired = request.getDesiredResourceState();
        final ResourceModel previous = request.getPreviousResourceState();
        final Optional<String> changedCreateOnly = changedCreateOnlyProperty(desired, previous);
        if (changedCreateOnly.isPresent()) {
            return ExceptionTranslator.failure(
                    HandlerErrorCode.NotUpdatable,
                    changedCreateOnly.get() + " cannot be updated: it is a create-only property");
        }
        return proxy.initiate(CALL_GRAPH + "Update", proxyClient, desired, callbackContext)
                .translateToServiceRequest(model -> Translator.updateRequest(model, previous))
                .makeServiceCall((updateRequest, client) -> patchUntilReached(updateRequest, client, desired))
                .handleError(errorsOf(Action.UPDATE))
                .progress()
                .then(progress -> read(
                        proxy, proxyClient, desired, callbackContext, CALL_GRAPH + "Update::ReadBack", Action.UPDATE))
                .onSuccess(readBack -> provenOrFailed(desired, readBack.getResourceModel()));
    }

    private static UpdateIntegrationResponseResponse patchUntilReached(
            final UpdateIntegrationResponseRequest updateRequest,
            final ProxyClient<ApiGatewayV2Client> client,
            final ResourceModel desired) {
        final UpdateIntegrationResponseResponse response = patch(updateRequest, client);
        final ResourceModel reached = Translator.fromService(response, desired);
        return Translator.differences(desired, reached).isEmpty()
                ? response
                : patch(Translator.updateRequest(desired, reached), client);
    }

    private static UpdateIntegrationResponseResponse patch(
            final UpdateIntegrationResponseRequest updateRequest, final ProxyClient<ApiGatewayV2Client> client) {
        return client.injectCredentialsAndInvokeV2(updateRequest, client.client()::updateIntegrationResponse);
    }

    private static ProgressEvent<ResourceModel, CallbackContext> provenOrFailed(
            final ResourceModel desired, final ResourceModel actual) {
        final List<String> differences = Translator.differences(desired, actual);
        return differences.isEmpty()
                ? ProgressEvent.defaultSuccessHandler(actual)
                : ExceptionTranslator.failure(
                        HandlerErrorCode.NotStabilized,
                        "After the update the service still holds other values for " + String.join(", ", differences));
    }

    /** The first create-only property (one naming the parent, in the property table) the update changes. */
    private static Optional<String> changedCreateOnlyProperty(
            final ResourceModel desired, final ResourceModel previous) {
        if (previous == null) {
            return Optional.empty();
        }
        return CREATE_ONLY.stream()
                .filter(property -> !Objects.equals(property.get(desired), property.get(previous)))
                .map(Property::jsonName)
                .findFirst();
    }
}
