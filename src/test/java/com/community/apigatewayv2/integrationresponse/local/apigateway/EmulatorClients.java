package com.community.apigatewayv2.integrationresponse.local.apigateway;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.CreateApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** The real SDK client, configured the way the handler's tests will point it at the emulator. */
public final class EmulatorClients {

    private EmulatorClients() {}

    /**
     * Retries are off so that request counters show exactly the calls a test made. The Apache 4
     * client is deprecated in favour of Apache 5, but it is the one the RPDK runtime uses and the
     * only one on this classpath, so the emulator is tested against it.
     */
    public static ApiGatewayV2Client sdkClient(LocalApiGatewayV2 emulator) {
        return sdkClient(emulator, AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret"));
    }

    /** As {@link #sdkClient(LocalApiGatewayV2)}, signing with {@code credentials}. */
    @SuppressWarnings("deprecation")
    public static ApiGatewayV2Client sdkClient(LocalApiGatewayV2 emulator, AwsCredentials credentials) {
        return ApiGatewayV2Client.builder()
                .endpointOverride(emulator.uri())
                .httpClient(ApacheHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static String createWebSocketApi(ApiGatewayV2Client client) {
        CreateApiResponse api = client.createApi(request -> request.name("ws-test")
                .protocolType(ProtocolType.WEBSOCKET)
                .routeSelectionExpression("$request.body.action"));
        return api.apiId();
    }

    public static String createMockIntegration(ApiGatewayV2Client client, String apiId) {
        CreateIntegrationResponse integration =
                client.createIntegration(request -> request.apiId(apiId).integrationType(IntegrationType.MOCK));
        return integration.integrationId();
    }
}
