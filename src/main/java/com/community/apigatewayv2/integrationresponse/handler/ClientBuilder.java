package com.community.apigatewayv2.integrationresponse.handler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * One API Gateway V2 client per region, built on first use and kept for the life of the JVM.
 * The endpoint is left to the SDK, so AWS_ENDPOINT_URL_APIGATEWAYV2 and aws.endpointUrlApiGatewayV2 apply.
 *
 * <p>Every call has a bounded budget, well inside the function's time: an attempt that gets no
 * answer within {@link #ATTEMPT_TIMEOUT} is abandoned, at most {@link #MAX_ATTEMPTS} attempts are
 * made (5xx, resets and timeouts are retried with jittered exponential backoff), and the whole
 * call gives up after {@link #CALL_TIMEOUT}. What is still failing then ends the event FAILED with
 * the code the exception translator gives it, for CloudFormation to retry or report. Throttling is
 * not retried here: the {@link ThrottlePolicy} waits it out around the call, against the
 * invocation's deadline rather than a count of attempts.
 */
final class ClientBuilder {
    static final int MAX_ATTEMPTS = 3;
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(12);

    /**
     * The standard strategy retrying only what {@link ThrottlePolicy#retriedWithinTheCall} names,
     * without the client's default conditions (they would retry throttling too) and without the
     * client-wide circuit breaker: a warm function serves many stacks, and one stack's faults must
     * not use up another's retries.
     */
    static final RetryStrategy RETRY_STRATEGY = StandardRetryStrategy.builder()
            .useClientDefaults(false)
            .retryOnException(ThrottlePolicy::retriedWithinTheCall)
            .maxAttempts(MAX_ATTEMPTS)
            .circuitBreakerEnabled(false)
            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
            .build();

    /** The caller's credentials come with each request from the CloudFormation proxy, never from the client. */
    private static final AwsCredentialsProvider NO_CLIENT_CREDENTIALS = () -> {
        throw new IllegalStateException("credentials are injected into each request by the CloudFormation proxy");
    };

    /** The SDK reads this endpoint setting when it builds a client; the environment's cannot change later. */
    private static final String ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayV2";

    /** Keyed by region and the endpoint property, so a client never outlives the endpoint it was built for. */
    private static final Map<String, ApiGatewayV2Client> CLIENTS = new ConcurrentHashMap<>();

    private ClientBuilder() {}

    static ApiGatewayV2Client client(final String region) {
        final String key = region + " " + System.getProperty(ENDPOINT_PROPERTY, "");
        return CLIENTS.computeIfAbsent(
                key,
                ignored -> ApiGatewayV2Client.builder()
                        .httpClient(Http.CLIENT)
                        .region(Region.of(region))
                        .credentialsProvider(NO_CLIENT_CREDENTIALS)
                        .overrideConfiguration(configuration -> configuration
                                .retryStrategy(RETRY_STRATEGY)
                                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                                .apiCallTimeout(CALL_TIMEOUT))
                        .build());
    }

    /**
     * The Apache client, as the runtime builds its own (it can send PATCH), built with the first API
     * Gateway V2 client. Not the runtime's: reaching that one initialises the runtime's wrapper
     * classes, which a request the handler serves itself never needs.
     */
    private static final class Http {
        /**
         * Lambda runs one invocation per environment, so one connection is all it uses; the local
         * stack driver runs hundreds of environments in one JVM, which with the client's default
         * of 50 queued for a connection long enough to time out. Connections are made only when needed.
         */
        private static final int MAX_CONNECTIONS = 400;

        @SuppressWarnings(
                "deprecation") // Apache 4, the client the runtime is built on, is deprecated in favour of Apache 5
        static final SdkHttpClient CLIENT =
                ApacheHttpClient.builder().maxConnections(MAX_CONNECTIONS).build();
    }
}
