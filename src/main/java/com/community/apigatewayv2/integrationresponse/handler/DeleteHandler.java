package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** One DELETE: the service's 404 already tells a missing resource, so there is no pre-read. */
public class DeleteHandler extends BaseHandlerStd {
    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<ResourceModel> request,
            final CallbackContext callbackContext,
            final ProxyClient<ApiGatewayV2Client> proxyClient,
            final Logger logger) {
        final ResourceModel model = request.getDesiredResourceState();
        return proxy.initiate(CALL_GRAPH + "Delete", proxyClient, model, callbackContext)
                .translateToServiceRequest(Translator::deleteRequest)
                .makeServiceCall((deleteRequest, client) ->
                        client.injectCredentialsAndInvokeV2(deleteRequest, client.client()::deleteIntegrationResponse))
                .handleError(errorsOf(Action.DELETE))
                .done(response -> ProgressEvent.<ResourceModel, CallbackContext>builder()
                        .status(OperationStatus.SUCCESS)
                        .build());
    }
}
