package com.community.apigatewayv2.integrationresponse.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/** Where the handlers' clients come from: one configuration object, no JVM-wide state. */
class HandlerConfigTest {

    @Test
    void aConfigurationKeepsOneClientPerRegionAndSharesItWithNoOtherConfiguration() {
        final HandlerConfig config = HandlerConfig.production();
        final ApiGatewayV2Client first = config.client("eu-west-1");

        assertSame(first, config.client("eu-west-1"));
        assertNotSame(first, config.client("us-east-1"));
        assertNotSame(first, HandlerConfig.production().client("eu-west-1"));
        assertEquals("eu-west-1", first.serviceClientConfiguration().region().id());
        assertEquals(
                "us-east-1",
                config.client("us-east-1").serviceClientConfiguration().region().id());
    }

    /** The SDK's own endpoint setting still reaches a production client (AWS_ENDPOINT_URL_APIGATEWAYV2 is its twin). */
    @Test
    void productionClientsCallTheEndpointTheSdkSettingNames() throws IOException {
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start()) {
            final ApiGatewayV2Client client = withEndpointSetting(
                    emulator.url(), () -> HandlerConfig.production().client("us-east-1"));

            client.getApis(request -> request.overrideConfiguration(HandlerConfigTest::withCredentials));

            assertEquals(1, emulator.requestCount("GetApis"));
        }
    }

    @Test
    void anEndpointConfigurationCallsItsEndpointWithTimeoutsScaledLikeTheWaits() throws IOException {
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                LocalApiGatewayV2 other = new LocalApiGatewayV2().start();
                SdkHttpClient http = pool()) {
            final HandlerConfig config = HandlerConfig.of(URI.create(emulator.url()), http, ThrottlePolicy.scaled(0.5));
            final ApiGatewayV2Client fastest = HandlerConfig.of(
                            URI.create(emulator.url()), http, ThrottlePolicy.scaled(0.02))
                    .client("us-east-1");
            final ApiGatewayV2Client client = config.client("us-east-1");
            // the JVM-wide setting, set after or before, never wins over the configuration's endpoint
            withEndpointSetting(
                    other.url(),
                    () -> HandlerConfig.of(URI.create(emulator.url()), http, ThrottlePolicy.PRODUCTION)
                            .client("us-east-1")
                            .getApis(request -> request.overrideConfiguration(HandlerConfigTest::withCredentials)));
            client.getApis(request -> request.overrideConfiguration(HandlerConfigTest::withCredentials));

            assertEquals(2, emulator.requestCount("GetApis"));
            assertEquals(0, other.requestCount("GetApis"));
            assertEquals(
                    Optional.of(URI.create(emulator.url())),
                    client.serviceClientConfiguration().endpointOverride());
            final ClientOverrideConfiguration timeouts =
                    client.serviceClientConfiguration().overrideConfiguration();
            assertEquals(Optional.of(Duration.ofMillis(1500)), timeouts.apiCallAttemptTimeout());
            assertEquals(Optional.of(Duration.ofSeconds(6)), timeouts.apiCallTimeout());
            // never below a third: a call on a loaded machine must not time out at a fiftieth of 3 s
            final ClientOverrideConfiguration floor =
                    fastest.serviceClientConfiguration().overrideConfiguration();
            assertEquals(Optional.of(Duration.ofSeconds(1)), floor.apiCallAttemptTimeout());
            assertEquals(Optional.of(Duration.ofSeconds(4)), floor.apiCallTimeout());
            assertEquals(Duration.ofSeconds(1), HandlerConfig.attemptTimeout(0.02));
            assertEquals(Duration.ofSeconds(3), HandlerConfig.attemptTimeout(1));
        }
    }

    @Test
    void theEndpointsPoolIsTheCallersAndOutlivesTheClients() throws IOException {
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                SdkHttpClient http = pool()) {
            final URI endpoint = URI.create(emulator.url());
            HandlerConfig.of(endpoint, http, ThrottlePolicy.PRODUCTION)
                    .client("us-east-1")
                    .close();

            // closing a client leaves the pool it was given open for the next environment's clients
            HandlerConfig.of(endpoint, http, ThrottlePolicy.PRODUCTION)
                    .client("us-east-1")
                    .getApis(request -> request.overrideConfiguration(HandlerConfigTest::withCredentials));

            assertThat(emulator.requestCount("GetApis")).isEqualTo(1);
        }
    }

    /** The local deployment sizes the pool for its environments: its clients use that one, not one of their own. */
    @Test
    void anEndpointConfigurationsClientsCallThroughTheCallersPool() throws IOException {
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start()) {
            final SdkHttpClient http = pool();
            final ApiGatewayV2Client client = HandlerConfig.of(
                            URI.create(emulator.url()), http, ThrottlePolicy.PRODUCTION)
                    .client("us-east-1");
            client.getApis(request -> request.overrideConfiguration(HandlerConfigTest::withCredentials));

            http.close();

            assertThrows(
                    IllegalStateException.class,
                    () -> client.getApis(request -> request.overrideConfiguration(HandlerConfigTest::withCredentials)),
                    "the caller's pool is closed, so its clients can make no call");
            assertEquals(1, emulator.requestCount("GetApis"));
        }
    }

    /** What {@code action} answers while the SDK's JVM-wide endpoint setting names {@code url}. */
    private static <T> T withEndpointSetting(final String url, final Supplier<T> action) {
        final String saved = System.getProperty(LocalApiGatewayV2.ENDPOINT_PROPERTY);
        System.setProperty(LocalApiGatewayV2.ENDPOINT_PROPERTY, url);
        try {
            return action.get();
        } finally {
            if (saved == null) {
                System.clearProperty(LocalApiGatewayV2.ENDPOINT_PROPERTY);
            } else {
                System.setProperty(LocalApiGatewayV2.ENDPOINT_PROPERTY, saved);
            }
        }
    }

    @SuppressWarnings("deprecation") // Apache 4, as the handler's own
    private static SdkHttpClient pool() {
        return ApacheHttpClient.builder().build();
    }

    private static void withCredentials(
            final software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration.Builder configuration) {
        configuration.credentialsProvider(
                StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDTEST", "secret", "token")));
    }
}
