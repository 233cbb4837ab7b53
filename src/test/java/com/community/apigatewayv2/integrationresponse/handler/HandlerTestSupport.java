package com.community.apigatewayv2.integrationresponse.handler;

import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesRequest;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationResponse;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** Fixtures shared by the handler tests. */
public final class HandlerTestSupport {
    public static final String API_ID = "a1b2c3d4e5";
    public static final String INTEGRATION_ID = "int1234";
    public static final String RESPONSE_ID = "res5678";
    public static final String REGION = "eu-west-1";
    public static final Credentials CREDENTIALS = new Credentials("accessKey", "secretKey", "sessionToken");

    private HandlerTestSupport() {}

    public static AmazonWebServicesClientProxy proxy() {
        return new AmazonWebServicesClientProxy(
                new LoggerProxy(), CREDENTIALS, () -> Duration.ofMinutes(10).toMillis());
    }

    /**
     * The credentials a request was sent with: access key id, secret access key and session token
     * (null when they carry none), as the proxy put them on the request for the SDK to sign with.
     */
    public static List<String> signedWith(final AwsRequest request) {
        final AwsCredentials credentials = request.overrideConfiguration()
                .orElseThrow()
                .credentialsProvider()
                .orElseThrow()
                .resolveCredentials();
        return Arrays.asList(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null);
    }

    /** A handler that calls nothing and answers as {@code answer} says, given the request and callback context. */
    public static BaseHandlerStd answering(
            final BiFunction<
                            ResourceHandlerRequest<ResourceModel>,
                            CallbackContext,
                            ProgressEvent<ResourceModel, CallbackContext>>
                    answer) {
        return new BaseHandlerStd() {
            @Override
            protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
                    final AmazonWebServicesClientProxy proxy,
                    final ResourceHandlerRequest<ResourceModel> request,
                    final CallbackContext callbackContext,
                    final ProxyClient<ApiGatewayV2Client> proxyClient,
                    final Logger logger) {
                return answer.apply(request, callbackContext);
            }
        };
    }

    public static LoggerProxy logger() {
        return new LoggerProxy();
    }

    /**
     * A proxy client that hands requests to the mock as they are, so tests can match them exactly,
     * paced as {@link Handlers} paces every handler's calls, but already at its wait deadline: a
     * throttled answer is the call's answer, as the tests of each handler's own logic want it.
     */
    public static ProxyClient<ApiGatewayV2Client> proxyClient(final ApiGatewayV2Client client) {
        final ThrottlePolicy.Budget budget = ThrottlePolicy.PRODUCTION.budget(Action.CREATE);
        return new PacedProxyClient(
                unpaced(client),
                ThrottlePolicy.PRODUCTION,
                new ThrottlePolicy.Budget(ThrottlePolicy.PRODUCTION.now(), budget.hardStop()));
    }

    /** The same, not paced: what a handler run outside {@link Handlers} would be given. */
    static ProxyClient<ApiGatewayV2Client> unpaced(final ApiGatewayV2Client client) {
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
    public static void verifyNoOtherCalls(final ApiGatewayV2Client client) {
        verify(client, atLeastOnce()).serviceName();
        verifyNoMoreInteractions(client);
    }

    public static ApiGatewayV2Client mockClient() {
        return mock(ApiGatewayV2Client.class);
    }

    /** A model with every property set. */
    public static ResourceModel fullModel() {
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
    public static ResourceModel minimalModel() {
        return ResourceModel.builder()
                .apiId(API_ID)
                .integrationId(INTEGRATION_ID)
                .integrationResponseId(RESPONSE_ID)
                .integrationResponseKey("$default")
                .build();
    }

    public static ResourceHandlerRequest<ResourceModel> request(final ResourceModel desired) {
        return request(desired, null);
    }

    public static ResourceHandlerRequest<ResourceModel> request(
            final ResourceModel desired, final ResourceModel previous) {
        return ResourceHandlerRequest.<ResourceModel>builder()
                .desiredResourceState(desired)
                .previousResourceState(previous)
                .region(REGION)
                .build();
    }

    /*
     * The service's answers. They describe what the service holds, which is not the request: the service
     * assigns the id, stores nothing for an empty string or map (and the SDK then gives an empty
     * auto-construct map for a map the answer lacks), never repeats the parent identifiers, and may
     * hold values set outside CloudFormation. Each answer carries only what {@code held} sets to a
     * non-empty value, so a test that wants the answer to differ from the request says how.
     */

    public static CreateIntegrationResponseResponse createResponse(final ResourceModel held) {
        return CreateIntegrationResponseResponse.builder()
                .integrationResponseId(held.getIntegrationResponseId())
                .integrationResponseKey(held.getIntegrationResponseKey())
                .contentHandlingStrategy(stored(held.getContentHandlingStrategy()))
                .templateSelectionExpression(stored(held.getTemplateSelectionExpression()))
                .responseParameters(stored(held.getResponseParameters()))
                .responseTemplates(stored(held.getResponseTemplates()))
                .build();
    }

    public static GetIntegrationResponseResponse getResponse(final ResourceModel held) {
        return GetIntegrationResponseResponse.builder()
                .integrationResponseId(held.getIntegrationResponseId())
                .integrationResponseKey(held.getIntegrationResponseKey())
                .contentHandlingStrategy(stored(held.getContentHandlingStrategy()))
                .templateSelectionExpression(stored(held.getTemplateSelectionExpression()))
                .responseParameters(stored(held.getResponseParameters()))
                .responseTemplates(stored(held.getResponseTemplates()))
                .build();
    }

    public static UpdateIntegrationResponseResponse updateResponse(final ResourceModel held) {
        return UpdateIntegrationResponseResponse.builder()
                .integrationResponseId(held.getIntegrationResponseId())
                .integrationResponseKey(held.getIntegrationResponseKey())
                .contentHandlingStrategy(stored(held.getContentHandlingStrategy()))
                .templateSelectionExpression(stored(held.getTemplateSelectionExpression()))
                .responseParameters(stored(held.getResponseParameters()))
                .responseTemplates(stored(held.getResponseTemplates()))
                .build();
    }

    public static IntegrationResponse listItem(final ResourceModel held) {
        return IntegrationResponse.builder()
                .integrationResponseId(held.getIntegrationResponseId())
                .integrationResponseKey(held.getIntegrationResponseKey())
                .contentHandlingStrategy(stored(held.getContentHandlingStrategy()))
                .templateSelectionExpression(stored(held.getTemplateSelectionExpression()))
                .responseParameters(stored(held.getResponseParameters()))
                .responseTemplates(stored(held.getResponseTemplates()))
                .build();
    }

    private static String stored(final String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Map<String, String> stored(final Map<String, String> value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /* The requests the handlers must send, written out with the fixtures' parent identifiers. */

    public static GetIntegrationResponseRequest getRequest(final String responseId) {
        return GetIntegrationResponseRequest.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseId(responseId)
                .build();
    }

    public static DeleteIntegrationResponseRequest deleteRequest(final String responseId) {
        return DeleteIntegrationResponseRequest.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseId(responseId)
                .build();
    }

    public static GetIntegrationResponsesRequest listRequest(final String nextToken) {
        return GetIntegrationResponsesRequest.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .nextToken(nextToken)
                .build();
    }

    /** A PATCH of the fixtures' response, every member still to be set. */
    public static UpdateIntegrationResponseRequest.Builder patch() {
        return UpdateIntegrationResponseRequest.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseId("res5678");
    }

    public static NotFoundException notFound(final String message) {
        return NotFoundException.builder()
                .message(message)
                .awsErrorDetails(errorDetails("NotFoundException", message, 404))
                .statusCode(404)
                .build();
    }

    public static AwsErrorDetails errorDetails(final String code, final String message, final int status) {
        return AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build();
    }

    public static AwsServiceException serviceError(final String code, final String message, final int status) {
        return AwsServiceException.builder()
                .message(message)
                .awsErrorDetails(errorDetails(code, message, status))
                .statusCode(status)
                .build();
    }

    /** A HandlerRequest payload as CloudFormation sends it, in the test region. */
    public static org.json.JSONObject handlerRequest(
            final String action, final org.json.JSONObject properties, final org.json.JSONObject callerCredentials) {
        return new org.json.JSONObject()
                .put("action", action)
                .put("awsAccountId", "123456789012")
                .put("bearerToken", "bearer-token")
                .put("region", REGION)
                .put("resourceType", ResourceModel.TYPE_NAME)
                .put("stackId", "arn:aws:cloudformation:" + REGION + ":123456789012:stack/s/1")
                .put(
                        "requestData",
                        new org.json.JSONObject()
                                .put("callerCredentials", callerCredentials)
                                .put("resourceProperties", properties)
                                .put("logicalResourceId", "Response"));
    }
}
