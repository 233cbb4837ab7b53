package com.community.apigatewayv2.integrationresponse.handler;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2ClientBuilder;

/**
 * The API Gateway V2 clients of one {@link HandlerConfig}: one per region, built on first use. Unless
 * the configuration names an endpoint, it is left to the SDK, so AWS_ENDPOINT_URL_APIGATEWAYV2 and
 * aws.endpointUrlApiGatewayV2 apply.
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
     * The smallest factor the timeouts are scaled by (1 s an attempt, 4 s a call): a call on a loaded
     * machine with nothing wrong stays under them, where the time scale alone would leave it milliseconds.
     */
    static final double MIN_TIMEOUT_SCALE = 1.0 / 3;

    /**
     * The standard strategy retrying only the attempts whose outcome is {@link CallOutcome#UNKNOWN},
     * without the client's default conditions (they would retry throttling too) and without the
     * client-wide circuit breaker: a warm function serves many stacks, and one stack's faults must
     * not use up another's retries.
     */
    static final RetryStrategy RETRY_STRATEGY = StandardRetryStrategy.builder()
            .useClientDefaults(false)
            .retryOnException(failure -> CallOutcome.of(failure) == CallOutcome.UNKNOWN)
            .maxAttempts(MAX_ATTEMPTS)
            .circuitBreakerEnabled(false)
            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
            .build();

    /** The caller's credentials come with each request from the CloudFormation proxy, never from the client. */
    private static final AwsCredentialsProvider NO_CLIENT_CREDENTIALS = () -> {
        throw new IllegalStateException("credentials are injected into each request by the CloudFormation proxy");
    };

    private ClientBuilder() {}

    /**
     * The client for a region, each built on first use and kept by the function returned.
     *
     * @param endpoint where every call goes; null to leave it to the SDK's endpoint settings
     * @param http the connection pool; null for one built with the first client, with the SDK's defaults
     * @param timeScale multiplies the attempt and call timeouts (1 in production), see {@link #scaled}
     */
    static Function<String, ApiGatewayV2Client> perRegion(
            final URI endpoint, final SdkHttpClient http, final double timeScale) {
        final Supplier<SdkHttpClient> pool = http != null ? () -> http : new OwnPool();
        final Map<String, ApiGatewayV2Client> clients = new ConcurrentHashMap<>();
        return region -> clients.computeIfAbsent(region, ignored -> build(region, endpoint, pool.get(), timeScale));
    }

    private static ApiGatewayV2Client build(
            final String region, final URI endpoint, final SdkHttpClient http, final double timeScale) {
        final ApiGatewayV2ClientBuilder builder = ApiGatewayV2Client.builder()
                .httpClient(http)
                .region(Region.of(region))
                .credentialsProvider(NO_CLIENT_CREDENTIALS)
                .overrideConfiguration(configuration -> configuration
                        .retryStrategy(RETRY_STRATEGY)
                        .apiCallAttemptTimeout(scaled(ATTEMPT_TIMEOUT, timeScale))
                        .apiCallTimeout(scaled(CALL_TIMEOUT, timeScale)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** A timeout under {@code timeScale}: scaled with the other waits, but never by less than {@link #MIN_TIMEOUT_SCALE}. */
    static Duration scaled(final Duration timeout, final double timeScale) {
        return Duration.ofNanos((long) (timeout.toNanos() * Math.max(timeScale, MIN_TIMEOUT_SCALE)));
    }

    /**
     * An Apache client with the SDK's defaults, as the runtime builds its own (it can send PATCH),
     * built with the first API Gateway V2 client. Not the runtime's: reaching that one initialises
     * the runtime's wrapper classes, which a request the handler serves itself never needs.
     */
    private static final class OwnPool implements Supplier<SdkHttpClient> {
        private SdkHttpClient client;

        @Override
        @SuppressWarnings("deprecation") // Apache 4, the client the runtime is built on, is deprecated for Apache 5
        public synchronized SdkHttpClient get() {
            if (client == null) {
                client = ApacheHttpClient.builder().build();
            }
            return client;
        }
    }
}
