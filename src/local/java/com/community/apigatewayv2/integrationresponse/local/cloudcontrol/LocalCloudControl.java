package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.net.DaemonThreads;
import com.community.apigatewayv2.integrationresponse.local.net.LocalEndpoint;
import com.community.apigatewayv2.integrationresponse.local.net.LoopbackServer;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A local Cloud Control API for this type, and the two CloudFormation registry calls its clients make
 * first, on one loopback port: the AWS CLI ({@code aws cloudcontrol}), the SDKs and Terraform's
 * {@code aws_cloudcontrolapi_resource} drive the handler through it as they would in an account. It
 * reaches the handler only through the Lambda Invoke API, as CloudFormation does; request records
 * live in memory until it stops.
 */
public final class LocalCloudControl extends LocalEndpoint {
    /** Cloud Control's limit for one operation when the schema's handlers set no {@code timeoutInMinutes}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(120);

    private static final int REQUEST_THREADS = 16;
    private static final int HANDLER_THREADS = 16;

    private final int requestedPort;
    private final URI lambda;
    private final String region;
    private final HandlerRequestFactory requests;
    private final TimeScale timeScale;
    private volatile ResourceRequests records;
    private volatile RegistryQueries registry;

    /**
     * @param port the port to listen on, 0 for any free one
     * @param lambda the Lambda endpoint serving the TypeFunction
     * @param region the region it answers as, in the type's ARN
     * @param requests how CloudFormation's requests are built: region and caller credentials
     * @param timeScale how fast callback delays and the operation timeout pass
     */
    public LocalCloudControl(
            final int port,
            final URI lambda,
            final String region,
            final HandlerRequestFactory requests,
            final TimeScale timeScale) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        this.requestedPort = port;
        this.lambda = lambda;
        this.region = region;
        this.requests = requests;
        this.timeScale = timeScale;
    }

    public synchronized LocalCloudControl start() throws IOException {
        requireStopped();
        final ObjectMapper json = new ObjectMapper();
        final TypeSchema schema = TypeSchema.load();
        final ScheduledExecutorService handlerThreads =
                Executors.newScheduledThreadPool(HANDLER_THREADS, new DaemonThreads("local-cloudcontrol-handler"));
        final HandlerCalls calls = new HandlerCalls(
                new LambdaInvoker(lambda),
                requests,
                handlerThreads,
                schema,
                timeScale,
                DEFAULT_TIMEOUT,
                Clock.systemUTC());
        records = new ResourceRequests(schema.typeName(), Clock.systemUTC());
        registry = new RegistryQueries(schema, LocalEndpoint.ACCOUNT_ID, region);
        final CloudControlOperations operations = new CloudControlOperations(json, schema, calls, records);
        serving(LoopbackServer.start(
                requestedPort,
                "local-cloudcontrol",
                REQUEST_THREADS,
                new CloudControlHttpHandler(json, operations, registry),
                handlerThreads));
        return this;
    }

    /** Where a finished request's time went (for the benchmark); empty while it runs or when unknown. */
    public Optional<RequestTiming> timing(final String requestToken) {
        final ResourceRequests known = records;
        if (known == null) {
            return Optional.empty();
        }
        try {
            return known.get(requestToken).timing();
        } catch (CloudControlException e) {
            return Optional.empty();
        }
    }

    /** What CloudFormation's ListExports answers: e.g. the parents' ids a contract test input names. */
    public void setExports(final java.util.Map<String, String> exports) {
        final RegistryQueries known = registry;
        if (known == null) {
            throw new IllegalStateException("the local Cloud Control API has not started");
        }
        known.setExports(exports);
    }
}
