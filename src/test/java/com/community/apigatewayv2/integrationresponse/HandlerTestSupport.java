package com.community.apigatewayv2.integrationresponse;

import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationResponse;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** Fixtures shared by the handler tests. */
final class HandlerTestSupport {
    static final String API_ID = "a1b2c3d4e5";
    static final String INTEGRATION_ID = "int1234";
    static final String RESPONSE_ID = "res5678";
    static final String REGION = "eu-west-1";
    static final Credentials CREDENTIALS = new Credentials("accessKey", "secretKey", "sessionToken");

    private HandlerTestSupport() {
    }

    static AmazonWebServicesClientProxy proxy() {
        return new AmazonWebServicesClientProxy(new LoggerProxy(), CREDENTIALS, () -> Duration.ofMinutes(10).toMillis());
    }

    static LoggerProxy logger() {
        return new LoggerProxy();
    }

    /** A proxy client that hands requests to the mock as they are, so tests can match them exactly. */
    static ProxyClient<ApiGatewayV2Client> proxyClient(final ApiGatewayV2Client client) {
        return new ProxyClient<>() {
            @Override
            public <RequestT extends AwsRequest, ResponseT extends AwsResponse> ResponseT injectCredentialsAndInvokeV2(
                final RequestT request, final Function<RequestT, ResponseT> requestFunction) {
                return requestFunction.apply(request);
            }

            @Override
            public ApiGatewayV2Client client() {
                return client;
            }
        };
    }

    /** Fails on any call but those verified already; the proxy itself asks each client for its service name. */
    static void verifyNoOtherCalls(final ApiGatewayV2Client client) {
        verify(client, atLeastOnce()).serviceName();
        verifyNoMoreInteractions(client);
    }

    static ApiGatewayV2Client mockClient() {
        return mock(ApiGatewayV2Client.class);
    }

    /** A model with every property set. */
    static ResourceModel fullModel() {
        return ResourceModel.builder()
            .apiId(API_ID)
            .integrationId(INTEGRATION_ID)
            .integrationResponseId(RESPONSE_ID)
            .integrationResponseKey("/200/")
            .contentHandlingStrategy("CONVERT_TO_TEXT")
            .templateSelectionExpression("$request.body.action")
            .responseParameters(Map.of("method.response.header.X-Trace", "integration.response.header.X-Trace"))
            .responseTemplates(Map.of("application/json", "{\"ok\": true}", "text/plain", ""))
            .build();
    }

    /** A model with only the required properties and the identifier. */
    static ResourceModel minimalModel() {
        return ResourceModel.builder()
            .apiId(API_ID)
            .integrationId(INTEGRATION_ID)
            .integrationResponseId(RESPONSE_ID)
            .integrationResponseKey("$default")
            .build();
    }

    static ResourceHandlerRequest<ResourceModel> request(final ResourceModel desired) {
        return request(desired, null);
    }

    static ResourceHandlerRequest<ResourceModel> request(final ResourceModel desired, final ResourceModel previous) {
        return ResourceHandlerRequest.<ResourceModel>builder()
            .desiredResourceState(desired)
            .previousResourceState(previous)
            .region(REGION)
            .build();
    }

    static CreateIntegrationResponseResponse createResponse(final ResourceModel state) {
        return CreateIntegrationResponseResponse.builder()
            .integrationResponseId(state.getIntegrationResponseId())
            .integrationResponseKey(state.getIntegrationResponseKey())
            .contentHandlingStrategy(state.getContentHandlingStrategy())
            .templateSelectionExpression(state.getTemplateSelectionExpression())
            .responseParameters(state.getResponseParameters())
            .responseTemplates(state.getResponseTemplates())
            .build();
    }

    static GetIntegrationResponseResponse getResponse(final ResourceModel state) {
        return GetIntegrationResponseResponse.builder()
            .integrationResponseId(state.getIntegrationResponseId())
            .integrationResponseKey(state.getIntegrationResponseKey())
            .contentHandlingStrategy(state.getContentHandlingStrategy())
            .templateSelectionExpression(state.getTemplateSelectionExpression())
            .responseParameters(state.getResponseParameters())
            .responseTemplates(state.getResponseTemplates())
            .build();
    }

    static UpdateIntegrationResponseResponse updateResponse(final ResourceModel state) {
        return UpdateIntegrationResponseResponse.builder()
            .integrationResponseId(state.getIntegrationResponseId())
            .integrationResponseKey(state.getIntegrationResponseKey())
            .contentHandlingStrategy(state.getContentHandlingStrategy())
            .templateSelectionExpression(state.getTemplateSelectionExpression())
            .responseParameters(state.getResponseParameters())
            .responseTemplates(state.getResponseTemplates())
            .build();
    }

    static IntegrationResponse listItem(final ResourceModel state) {
        return IntegrationResponse.builder()
            .integrationResponseId(state.getIntegrationResponseId())
            .integrationResponseKey(state.getIntegrationResponseKey())
            .contentHandlingStrategy(state.getContentHandlingStrategy())
            .templateSelectionExpression(state.getTemplateSelectionExpression())
            .responseParameters(state.getResponseParameters())
            .responseTemplates(state.getResponseTemplates())
            .build();
    }

    static NotFoundException notFound(final String message) {
        return NotFoundException.builder()
            .message(message)
            .awsErrorDetails(errorDetails("NotFoundException", message, 404))
            .statusCode(404)
            .build();
    }

    static AwsErrorDetails errorDetails(final String code, final String message, final int status) {
        return AwsErrorDetails.builder()
            .errorCode(code)
            .errorMessage(message)
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
            .build();
    }

    static AwsServiceException serviceError(final String code, final String message, final int status) {
        return AwsServiceException.builder()
            .message(message)
            .awsErrorDetails(errorDetails(code, message, status))
            .statusCode(status)
            .build();
    }

    /** A HandlerRequest payload as CloudFormation sends it, in the test region. */
    static org.json.JSONObject handlerRequest(final String action, final org.json.JSONObject properties,
                                              final org.json.JSONObject callerCredentials) {
        return new org.json.JSONObject()
            .put("action", action)
            .put("awsAccountId", "123456789012")
            .put("bearerToken", "bearer-token")
            .put("region", REGION)
            .put("resourceType", ResourceModel.TYPE_NAME)
            .put("stackId", "arn:aws:cloudformation:" + REGION + ":123456789012:stack/s/1")
            .put("requestData", new org.json.JSONObject()
                .put("callerCredentials", callerCredentials)
                .put("resourceProperties", properties)
                .put("logicalResourceId", "Response"));
    }
}
