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

/** One service page per invocation: the request's token goes to the service, the service's comes back. */
public class ListHandler extends BaseHandlerStd {
    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<ResourceModel> request,
            final CallbackContext callbackContext,
            final ProxyClient<ApiGatewayV2Client> proxyClient,
            final Logger logger) {
        final ResourceModel model = request.getDesiredResourceState();
        return proxy.initiate(CALL_GRAPH + "List", proxyClient, model, callbackContext)
                .translateToServiceRequest(parent -> Translator.listRequest(parent, request.getNextToken()))
                .makeServiceCall((listRequest, client) ->
                        client.injectCredentialsAndInvokeV2(listRequest, client.client()::getIntegrationResponses))
                .handleError(errorsOf(Action.LIST))
                .done(response -> ProgressEvent.<ResourceModel, CallbackContext>builder()
                        .resourceModels(Translator.fromList(response, model))
                        .nextToken(response.nextToken())
                        .status(OperationStatus.SUCCESS)
                        .build());
    }
}
