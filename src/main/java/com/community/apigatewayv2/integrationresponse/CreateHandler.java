package com.community.apigatewayv2.integrationresponse;

import java.util.function.Function;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

public class CreateHandler extends BaseHandlerStd {
    public CreateHandler() {
        super();
    }

    CreateHandler(final Function<String, ApiGatewayV2Client> clients) {
        super(clients);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<ResourceModel> request,
        final CallbackContext callbackContext,
        final ProxyClient<ApiGatewayV2Client> proxyClient,
        final Logger logger) {
        final ResourceModel model = request.getDesiredResourceState();
        final String missing = Translator.missingIdentifier(model, "ApiId", "IntegrationId");
        if (missing != null) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, missing + " is required");
        }
        return proxy.initiate(CALL_GRAPH + "Create", proxyClient, model, callbackContext)
            .translateToServiceRequest(Translator::createRequest)
            .makeServiceCall((createRequest, client) -> client.injectCredentialsAndInvokeV2(
                createRequest, client.client()::createIntegrationResponse))
            .handleError(errorsOf(Action.CREATE))
            .done(response -> ProgressEvent.defaultSuccessHandler(Translator.fromCreate(response, model)));
    }
}
