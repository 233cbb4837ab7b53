package com.community.apigatewayv2.integrationresponse.local.bench;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseResponse;

/**
 * The floor the handler is measured against: the same CreateIntegrationResponse through a bare SDK
 * client on the same Apache 4 HTTP client, same region and endpoint, nothing else.
 * {@code create API_ID INTEGRATION_ID KEY} prints {@code CREATE <id>}, then {@code HEAP <bytes>}.
 */
public final class BareSdkDriver {

    private BareSdkDriver() {}

    /**
     * Built the way a lean Lambda function would build it; the endpoint comes from aws.endpointUrlApiGatewayV2.
     * Apache 4 is deprecated in favour of Apache 5, but it is the client the handler runs on.
     */
    @SuppressWarnings("deprecation")
    static ApiGatewayV2Client client() {
        return ApiGatewayV2Client.builder()
                .httpClient(ApacheHttpClient.builder().build())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create("AKIDLOCAL", "local-secret", "local-session")))
                .build();
    }

    static CreateIntegrationResponseResponse create(
            ApiGatewayV2Client client, String apiId, String integrationId, String key) {
        return client.createIntegrationResponse(request -> request.apiId(apiId)
                .integrationId(integrationId)
                .integrationResponseKey(key)
                .templateSelectionExpression("$default"));
    }

    public static void main(String[] args) {
        if (args.length != 4 || !"create".equals(args[0])) {
            System.err.println("usage: BareSdkDriver create API_ID INTEGRATION_ID KEY");
            System.exit(2);
        }
        System.out.println(
                "CREATE " + create(client(), args[1], args[2], args[3]).integrationResponseId());
        System.out.flush();
        System.out.println("HEAP " + HandlerJarDriver.liveHeapBytes());
    }
}
