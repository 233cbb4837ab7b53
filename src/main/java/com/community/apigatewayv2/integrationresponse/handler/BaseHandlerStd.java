package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.CallChain;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** What every handler shares: the error mapping, the identifier check, and the read that Read and Update both make. */
public abstract class BaseHandlerStd {
    protected static final String CALL_GRAPH = ResourceModel.TYPE_NAME + "::";

    /**
     * Runs the action. {@link Handlers} has checked that the request carries a model, a region and
     * the identifier parts the action needs, and gives the proxy client for that region.
     */
    protected abstract ProgressEvent<ResourceModel, CallbackContext> handleRequest(
            AmazonWebServicesClientProxy proxy,
            ResourceHandlerRequest<ResourceModel> request,
            CallbackContext callbackContext,
            ProxyClient<ApiGatewayV2Client> proxyClient,
            Logger logger);

    /**
     * Maps whatever a service call threw: throttling that outlasted the invocation's wait may answer
     * IN_PROGRESS (the {@link ThrottlePolicy} decides); everything else goes through the exception translator.
     */
    protected static CallChain.ExceptionPropagate<
                    Object,
                    Exception,
                    ApiGatewayV2Client,
                    ResourceModel,
                    CallbackContext,
                    ProgressEvent<ResourceModel, CallbackContext>>
            errorsOf(final Action action) {
        return (request, exception, client, model, context) -> PacedProxyClient.of(client)
                .policy()
                .inProgress(exception, action, model, context)
                .orElseGet(() -> ExceptionTranslator.failure(exception, model, action));
    }

    /** GetIntegrationResponse, as the model the service holds, for Read and for Update's proof. */
    protected static ProgressEvent<ResourceModel, CallbackContext> read(
            final AmazonWebServicesClientProxy proxy,
            final ProxyClient<ApiGatewayV2Client> proxyClient,
            final ResourceModel model,
            final CallbackContext callbackContext,
            final String callGraph,
            final Action action) {
        return proxy.initiate(callGraph, proxyClient, model, callbackContext)
                .translateToServiceRequest(Translator::readRequest)
                .makeServiceCall((request, client) ->
                        client.injectCredentialsAndInvokeV2(request, client.client()::getIntegrationResponse))
                .handleError(errorsOf(action))
                .done((GetIntegrationResponseResponse response) ->
                        ProgressEvent.defaultSuccessHandler(Translator.fromService(response, model)));
    }
}
