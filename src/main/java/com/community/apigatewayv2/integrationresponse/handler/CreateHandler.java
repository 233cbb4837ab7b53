package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * One POST. When its outcome is unknown (the request may have reached the service but the answer
 * was lost), the key is looked up before anything else: the response this request made is adopted
 * when it matches the desired state, so a retry never leaves two responses for one key.
 */
public class CreateHandler extends BaseHandlerStd {
    /** The first POST, and one more when the lookup after an unknown outcome finds nothing. */
    private static final int CREATE_ROUNDS = 2;

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<ResourceModel> request,
            final CallbackContext callbackContext,
            final ProxyClient<ApiGatewayV2Client> proxyClient,
            final Logger logger) {
        final ResourceModel model = request.getDesiredResourceState();
        return proxy.initiate(CALL_GRAPH + "Create", proxyClient, model, callbackContext)
                .translateToServiceRequest(Translator::createRequest)
                .makeServiceCall((createRequest, client) -> createOrAdopt(createRequest, client, model))
                .handleError(errorsOf(Action.CREATE))
                .done(ProgressEvent::defaultSuccessHandler);
    }

    private static ResourceModel createOrAdopt(
            final CreateIntegrationResponseRequest createRequest,
            final ProxyClient<ApiGatewayV2Client> client,
            final ResourceModel desired) {
        for (int round = 1; ; round++) {
            try {
                return Translator.fromService(
                        client.injectCredentialsAndInvokeV2(createRequest, client.client()::createIntegrationResponse),
                        desired);
            } catch (final SdkException failure) {
                // a second round follows one that may have taken effect: its POST may hold the key now
                if (round == 1 && !CallOutcome.mayHaveApplied(failure)) {
                    throw failure;
                }
                final ResourceModel existing = lookUpKey(client, desired, failure);
                if (existing != null) {
                    return adoptIfSame(desired, existing);
                }
                if (round == CREATE_ROUNDS) {
                    throw failure;
                }
            }
        }
    }

    /** The response holding the desired key, or null; a lookup that fails reports the create's own failure. */
    private static ResourceModel lookUpKey(
            final ProxyClient<ApiGatewayV2Client> client,
            final ResourceModel desired,
            final SdkException createFailure) {
        try {
            String nextToken = null;
            do {
                final GetIntegrationResponsesResponse page = client.injectCredentialsAndInvokeV2(
                        Translator.listRequest(desired, nextToken), client.client()::getIntegrationResponses);
                for (final ResourceModel candidate : Translator.fromList(page, desired)) {
                    if (Objects.equals(desired.getIntegrationResponseKey(), candidate.getIntegrationResponseKey())) {
                        return candidate;
                    }
                }
                nextToken = page.nextToken();
            } while (nextToken != null);
            return null;
        } catch (final SdkException lookupFailure) {
            createFailure.addSuppressed(lookupFailure);
            throw createFailure;
        }
    }

    private static ResourceModel adoptIfSame(final ResourceModel desired, final ResourceModel existing) {
        final List<String> differences = Translator.differences(desired, existing);
        if (differences.isEmpty()) {
            return Translator.asGiven(existing, desired);
        }
        throw ConflictException.builder()
                .message("the integration response " + existing.getIntegrationResponseId()
                        + " holding this key has other " + "values for " + String.join(", ", differences)
                        + ", so it was not made by this request")
                .build();
    }
}
