package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * One DELETE: the service's 404 already tells a missing resource, so there is no pre-read. A 404
 * after an attempt of this delete that may have taken effect (its answer lost, in this invocation
 * or one before it that answered IN_PROGRESS) means that attempt deleted it: SUCCESS.
 */
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
                .handleError((deleteRequest, exception, client, model_, context) ->
                        exception instanceof NotFoundException && mayHaveApplied(exception, context)
                                ? deleted()
                                : errorsOf(Action.DELETE).invoke(deleteRequest, exception, client, model_, context))
                .done(response -> deleted());
    }

    private static boolean mayHaveApplied(final Exception notFound, final CallbackContext context) {
        return context.isMayHaveApplied() || CallOutcome.mayHaveApplied(notFound);
    }

    private static ProgressEvent<ResourceModel, CallbackContext> deleted() {
        return ProgressEvent.<ResourceModel, CallbackContext>builder()
                .status(OperationStatus.SUCCESS)
                .build();
    }
}
