package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.HandlerWrapper;
import com.community.apigatewayv2.integrationresponse.handler.HandlerConfig;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicy;
import com.community.apigatewayv2.integrationresponse.local.apigateway.AccountQuota;
import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import com.community.apigatewayv2.integrationresponse.local.cloudcontrol.LocalCloudControl;
import com.community.apigatewayv2.integrationresponse.local.lambda.ExecutionEnvironments;
import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.lambda.LocalLambdaEndpoint;
import com.community.apigatewayv2.integrationresponse.local.net.LocalEndpoint;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2ClientBuilder;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * The type deployed locally: the handler behind a local Lambda endpoint, as {@code sam local start-lambda}
 * would run it, talking either to an in-process API Gateway V2 endpoint or, with {@code aws}, to the
 * real service, with the region and the caller credentials its requests carry.
 */
public final class LocalDeployment implements AutoCloseable {

    private final LocalApiGatewayV2 apiGateway;
    private final LocalLambdaEndpoint lambda;
    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentials credentials;
    private LocalCloudControl cloudControl;

    private LocalDeployment(
            final LocalApiGatewayV2 apiGateway,
            final LocalLambdaEndpoint lambda,
            final SdkHttpClient http,
            final Region region,
            final AwsCredentials credentials) {
        this.apiGateway = apiGateway;
        this.lambda = lambda;
        this.http = http;
        this.region = region;
        this.credentials = credentials;
    }

    /**
     * How fast the deployment's clocks run and what limits it: every wait of the handler (its
     * throttling deadlines and backoff) is multiplied by {@code timeScale}; {@code quota}, when not
     * null, throttles the local API Gateway V2 as the account's control-plane quota does (its clock
     * scaled alike); {@code lambdaConcurrency} invocations may run at once.
     */
    public record Pace(TimeScale timeScale, AccountQuota quota, int lambdaConcurrency) {
        public static final Pace REAL_TIME =
                new Pace(TimeScale.REAL_TIME, null, LocalLambdaEndpoint.DEFAULT_MAX_CONCURRENCY);
    }

    public static LocalDeployment start(
            final boolean aws,
            final String region,
            final int lambdaPort,
            final int apiGatewayPort,
            final PrintStream handlerLog)
            throws IOException {
        return start(aws, region, lambdaPort, apiGatewayPort, handlerLog, Pace.REAL_TIME);
    }

    public static LocalDeployment start(
            final boolean aws,
            final String region,
            final int lambdaPort,
            final int apiGatewayPort,
            final PrintStream handlerLog,
            final Pace pace)
            throws IOException {
        return start(aws, region, lambdaPort, apiGatewayPort, 0, handlerLog, pace);
    }

    /**
     * @param aws real AWS (default credentials and region chains, see {@link CallerCredentials}) instead of
     *     the local endpoint
     * @param region the region to use, or null for the default ({@value LocalEndpoint#REGION} locally)
     * @param lambdaPort the Lambda endpoint's port, 0 for any
     * @param apiGatewayPort the local API Gateway V2 endpoint's port, 0 for any
     * @param cloudControlPort the local Cloud Control API's port, 0 for any; it stays local with {@code aws}
     */
    public static LocalDeployment start(
            final boolean aws,
            final String region,
            final int lambdaPort,
            final int apiGatewayPort,
            final int cloudControlPort,
            final PrintStream handlerLog,
            final Pace pace)
            throws IOException {
        if (aws && pace.quota() != null) {
            throw new IllegalArgumentException("--throttle needs the local API Gateway V2 endpoint, not --aws");
        }
        LocalApiGatewayV2 apiGateway = null;
        final AwsCredentials credentials;
        final Region chosenRegion;
        if (aws) {
            chosenRegion = region != null ? Region.of(region) : new DefaultAwsRegionProviderChain().getRegion();
            credentials = CallerCredentials.fromDefaultChain(chosenRegion);
        } else {
            apiGateway = new LocalApiGatewayV2(apiGatewayPort).start();
            apiGateway.setAccountQuota(pace.quota());
            credentials = canaryCredentials();
            chosenRegion = Region.of(region != null ? region : LocalEndpoint.REGION);
        }
        // Lambda never runs two invocations in one instance at once, and the runtime relies on it.
        // Against AWS in real time, the function is built exactly as Lambda builds it; otherwise each
        // environment has clients of its own, all on the deployment's connection pool, calling the
        // local endpoint, their waits and timeouts scaled
        final SdkHttpClient http = connectionPool(pace);
        final URI endpoint = apiGateway == null ? null : URI.create(apiGateway.url());
        final Supplier<HandlerWrapper> function = aws && pace.timeScale().isRealTime()
                ? HandlerWrapper::new
                : () -> new HandlerWrapper(new Handlers(HandlerConfig.of(
                        endpoint, http, ThrottlePolicy.scaled(pace.timeScale().factor()))));
        final LocalLambdaEndpoint lambda;
        try {
            lambda = startLambda(lambdaPort, pace, function, handlerLog);
        } catch (IOException | RuntimeException e) {
            http.close();
            if (apiGateway != null) {
                apiGateway.close(); // a busy port must not leave the other endpoint running
            }
            throw e;
        }
        final LocalDeployment deployment = new LocalDeployment(apiGateway, lambda, http, chosenRegion, credentials);
        try {
            final HandlerRequests requests = deployment.requests();
            deployment.cloudControl = new LocalCloudControl(
                            cloudControlPort,
                            lambda.uri(),
                            chosenRegion.id(),
                            (action, desired, previous) -> requests.request(action, desired, previous, null),
                            pace.timeScale())
                    .start();
        } catch (IOException | RuntimeException e) {
            deployment.close();
            throw e;
        }
        return deployment;
    }

    /** The Lambda endpoint with the TypeFunction and the TestEntrypoint, started. */
    private static LocalLambdaEndpoint startLambda(
            final int lambdaPort,
            final Pace pace,
            final Supplier<HandlerWrapper> function,
            final PrintStream handlerLog)
            throws IOException {
        return LocalLambdaEndpoint.builder()
                .port(lambdaPort)
                .maxConcurrency(pace.lambdaConcurrency())
                .function(LambdaInvoker.TYPE_FUNCTION, new ExecutionEnvironments(function))
                .function(SamTestEvent.FUNCTION, new ExecutionEnvironments(() -> {
                    final HandlerWrapper environment = function.get();
                    return environment::testEntrypoint;
                }))
                .logSink(handlerLog)
                .build()
                .start();
    }

    /**
     * The handlers' connections, shared by every execution environment: one for each invocation the
     * Lambda endpoint runs at once (each makes one call at a time), and as many again for invocations
     * that timed out but whose thread has not stopped yet.
     */
    @SuppressWarnings("deprecation") // Apache 4, as the handler's own client (ClientBuilder)
    private static SdkHttpClient connectionPool(final Pace pace) {
        return ApacheHttpClient.builder()
                .maxConnections(2 * pace.lambdaConcurrency())
                .build();
    }

    /** The local API Gateway V2 endpoint, or null when the stack talks to AWS. */
    public LocalApiGatewayV2 apiGateway() {
        return apiGateway;
    }

    public URI lambdaUri() {
        return lambda.uri();
    }

    public LocalLambdaEndpoint lambda() {
        return lambda;
    }

    /** The local Cloud Control API, which also answers the CloudFormation registry's DescribeType and ListTypes. */
    public LocalCloudControl cloudControl() {
        return cloudControl;
    }

    public HandlerRequests requests() {
        return new HandlerRequests(region.id(), credentials);
    }

    /** A client for what the type does not own: the API and integration its responses belong to. */
    public ApiGatewayV2Client prerequisitesClient() {
        final ApiGatewayV2ClientBuilder builder = ApiGatewayV2Client.builder()
                .httpClient(LambdaWrapper.HTTP_CLIENT)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials));
        if (apiGateway != null) {
            builder.endpointOverride(apiGateway.uri());
        }
        return builder.build();
    }

    /** A WebSocket API with a MOCK integration, the parent every integration response needs. */
    public Prerequisites createPrerequisites(final ApiGatewayV2Client client, final String name) {
        final String apiId = createWebSocketApi(client, name);
        return new Prerequisites(apiId, createMockIntegration(client, apiId));
    }

    public static String createWebSocketApi(final ApiGatewayV2Client client, final String name) {
        return client.createApi(api -> api.name(name)
                        .protocolType(ProtocolType.WEBSOCKET)
                        .routeSelectionExpression("$request.body.action"))
                .apiId();
    }

    public static String createMockIntegration(final ApiGatewayV2Client client, final String apiId) {
        return client.createIntegration(integration -> integration
                        .apiId(apiId)
                        .integrationType(IntegrationType.MOCK)
                        .templateSelectionExpression("\\$default")
                        .requestTemplates(Map.of("$default", "{\"statusCode\": 200}")))
                .integrationId();
    }

    /** The credentials every request carries; random canaries locally, so a leak can be looked for. */
    public AwsCredentials credentials() {
        return credentials;
    }

    private static AwsCredentials canaryCredentials() {
        return AwsSessionCredentials.create(
                "AKIACANARY" + randomHex(10), "CanarySecret" + randomHex(28), "CanarySession" + randomHex(40));
    }

    private static String randomHex(final int length) {
        final StringBuilder hex = new StringBuilder();
        while (hex.length() < length) {
            hex.append(UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT));
        }
        return hex.substring(0, length);
    }

    public void deletePrerequisites(final ApiGatewayV2Client client, final Prerequisites prerequisites) {
        client.deleteApi(api -> api.apiId(prerequisites.apiId()));
    }

    @Override
    public void close() {
        if (cloudControl != null) {
            cloudControl.close();
        }
        lambda.close();
        http.close();
        if (apiGateway != null) {
            apiGateway.close();
        }
    }

    /** The ids the contract inputs' placeholders stand for. */
    public record Prerequisites(String apiId, String integrationId) {
        /** The inputs' placeholder names and values, the API's first, in that order every time. */
        public Map<String, String> placeholders() {
            final Map<String, String> placeholders = new java.util.LinkedHashMap<>();
            placeholders.put(SamTestEvent.API_ID, apiId);
            placeholders.put(SamTestEvent.INTEGRATION_ID, integrationId);
            return java.util.Collections.unmodifiableMap(placeholders);
        }
    }
}
