package com.community.apigatewayv2.integrationresponse.handler;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * Everything the handlers are configured with, handed to {@link Handlers} once: where the API
 * Gateway V2 client for a region comes from, and how long throttling is waited out (the
 * {@link ThrottlePolicy}, with its clock and time scale). Nothing else configures them: no system
 * property, no static state.
 *
 * <p>Lambda builds the handler class once per execution environment, so the clients of a
 * {@link #production()} configuration live as long as that environment, as they would in a handler
 * written against the SDK alone.
 */
public final class HandlerConfig {
    private final Function<String, ApiGatewayV2Client> clients;
    private final ThrottlePolicy throttlePolicy;

    /**
     * @param clients the API Gateway V2 client for a region; called for every invocation, so it keeps its own clients
     * @param throttlePolicy how throttling is waited out
     */
    public HandlerConfig(final Function<String, ApiGatewayV2Client> clients, final ThrottlePolicy throttlePolicy) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.throttlePolicy = Objects.requireNonNull(throttlePolicy, "throttlePolicy");
    }

    /**
     * What CloudFormation runs: real time, and one client per region with the SDK's defaults, its
     * endpoint resolved by the SDK (so {@code AWS_ENDPOINT_URL_APIGATEWAYV2} and
     * {@code aws.endpointUrlApiGatewayV2} apply) and a connection pool of this configuration's own.
     */
    public static HandlerConfig production() {
        return of(null, null, ThrottlePolicy.PRODUCTION);
    }

    /**
     * One client per region, its timeouts shrunk by the policy's time scale with every other wait, but
     * never below a third (1 s an attempt, 4 s a call), which a call on a loaded machine stays under.
     *
     * @param endpoint where every call goes; null to leave it to the SDK's endpoint settings
     * @param http the connection pool, owned and closed by the caller; null for one of this configuration's own
     */
    public static HandlerConfig of(final URI endpoint, final SdkHttpClient http, final ThrottlePolicy throttlePolicy) {
        return new HandlerConfig(ClientBuilder.perRegion(endpoint, http, throttlePolicy.scale()), throttlePolicy);
    }

    /** How long a client of a configuration with this time scale waits for an attempt's answer. */
    public static Duration attemptTimeout(final double timeScale) {
        return ClientBuilder.scaled(ClientBuilder.ATTEMPT_TIMEOUT, timeScale);
    }

    ApiGatewayV2Client client(final String region) {
        return clients.apply(region);
    }

    ThrottlePolicy throttlePolicy() {
        return throttlePolicy;
    }
}
