package com.community.apigatewayv2.integrationresponse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * One API Gateway V2 client per region, built on first use and kept for the life of the JVM.
 * The endpoint is left to the SDK, so AWS_ENDPOINT_URL_APIGATEWAYV2 and aws.endpointUrlApiGatewayV2 apply.
 */
final class ClientBuilder {
    /** The caller's credentials come with each request from the CloudFormation proxy, never from the client. */
    private static final AwsCredentialsProvider NO_CLIENT_CREDENTIALS = () -> {
        throw new IllegalStateException("credentials are injected into each request by the CloudFormation proxy");
    };

    /** The SDK reads this endpoint setting when it builds a client; the environment's cannot change later. */
    private static final String ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayV2";

    /** Keyed by region and the endpoint property, so a client never outlives the endpoint it was built for. */
    private static final Map<String, ApiGatewayV2Client> CLIENTS = new ConcurrentHashMap<>();

    private ClientBuilder() {
    }

    static ApiGatewayV2Client client(final String region) {
        final String key = region + " " + System.getProperty(ENDPOINT_PROPERTY, "");
        return CLIENTS.computeIfAbsent(key, ignored -> ApiGatewayV2Client.builder()
            // the runtime's Apache client: already loaded, and it can send PATCH
            .httpClient(LambdaWrapper.HTTP_CLIENT)
            .region(Region.of(region))
            .credentialsProvider(NO_CLIENT_CREDENTIALS)
            .build());
    }
}
