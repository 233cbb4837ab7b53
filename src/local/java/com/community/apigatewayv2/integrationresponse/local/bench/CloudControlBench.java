package com.community.apigatewayv2.integrationresponse.local.bench;

import com.community.apigatewayv2.integrationresponse.local.cloudcontrol.RequestTiming;
import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.stack.LocalDeployment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * What the local Cloud Control API costs over the Lambda invocations it makes: for each of a few hundred
 * CreateResource and UpdateResource requests, the time from its arrival to its final status less the
 * time inside Lambda Invoke calls (its own record of both), and ListResources over 1,000 responses
 * beside the same LIST invoked directly. Everything runs in this JVM, against the local stack.
 */
final class CloudControlBench {
    private static final int WARM_UP = 100;
    private static final int REQUESTS = 300;
    private static final int LISTED = 1_000;
    private static final String TYPE = "Community::ApiGatewayV2::IntegrationResponse";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalDeployment stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    private CloudControlBench(final LocalDeployment stack) {
        this.stack = stack;
        this.endpoint = URI.create(stack.cloudControl().url() + "/");
    }

    static void print() throws Exception {
        try (LocalDeployment stack = LocalDeployment.start(
                false,
                null,
                0,
                0,
                0,
                new PrintStream(OutputStream.nullOutputStream()),
                LocalDeployment.Pace.REAL_TIME)) {
            new CloudControlBench(stack).run();
        }
    }

    private void run() throws Exception {
        final ApiGatewayV2Client client = stack.prerequisitesClient();
        final LocalDeployment.Prerequisites parents = stack.createPrerequisites(client, "bench-cloudcontrol");
        final String parentsJson =
                "\"ApiId\":\"" + parents.apiId() + "\",\"IntegrationId\":\"" + parents.integrationId() + "\"";
        final RequestTiming[] creates = new RequestTiming[REQUESTS];
        final RequestTiming[] updates = new RequestTiming[REQUESTS];
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
            final JsonNode created = finished(call(
                    "CreateResource",
                    JSON.createObjectNode()
                            .put("TypeName", TYPE)
                            .put("DesiredState", "{" + parentsJson + ",\"IntegrationResponseKey\":\"/c" + i + "/\"}")));
            final JsonNode updated = finished(call(
                    "UpdateResource",
                    JSON.createObjectNode()
                            .put("TypeName", TYPE)
                            .put("Identifier", created.path("Identifier").asText())
                            .put(
                                    "PatchDocument",
                                    "[{\"op\":\"replace\",\"path\":\"/IntegrationResponseKey\",\"value\":\"/u" + i
                                            + "/\"}]")));
            if (i >= WARM_UP) {
                creates[i - WARM_UP] = timing(created);
                updates[i - WARM_UP] = timing(updated);
            }
        }
        Bench.print(
                "cloudcontrol_requests",
                REQUESTS + " creates and " + REQUESTS + " updates, after " + WARM_UP + " of each to warm up");
        Bench.print("cloudcontrol_create_overhead_us", percentiles(creates, RequestTiming::overheadNanos));
        Bench.print("cloudcontrol_create_in_lambda_us", percentiles(creates, RequestTiming::invocationNanos));
        Bench.print("cloudcontrol_update_overhead_us", percentiles(updates, RequestTiming::overheadNanos));
        Bench.print("cloudcontrol_update_in_lambda_us", percentiles(updates, RequestTiming::invocationNanos));

        final String listed = LocalDeployment.createMockIntegration(client, parents.apiId());
        seed(client, parents.apiId(), listed);
        final String model = "{\"ApiId\":\"" + parents.apiId() + "\",\"IntegrationId\":\"" + listed + "\"}";
        listThroughCloudControl(model); // warm
        final long[] cloudControl = listThroughCloudControl(model);
        final long[] direct = listDirectly(model);
        Bench.print(
                "cloudcontrol_list_1k_ms",
                String.format(
                        Locale.ROOT,
                        "%.0f (%d pages, %d responses); the same LIST invoked directly %.0f",
                        cloudControl[0] / 1e6,
                        cloudControl[1],
                        cloudControl[2],
                        direct[0] / 1e6));
    }

    private JsonNode call(final String operation, final ObjectNode body) throws IOException, InterruptedException {
        final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "CloudApiService." + operation)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        final JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + " answered " + response.statusCode() + ": " + answer);
        }
        return answer;
    }

    /** The request's final progress event, polled for; anything but SUCCESS ends the benchmark. */
    private JsonNode finished(final JsonNode started) throws IOException, InterruptedException {
        final String token = started.at("/ProgressEvent/RequestToken").asText();
        while (true) {
            final JsonNode event = call(
                            "GetResourceRequestStatus", JSON.createObjectNode().put("RequestToken", token))
                    .path("ProgressEvent");
            switch (event.path("OperationStatus").asText()) {
                case "SUCCESS" -> {
                    return event;
                }
                case "PENDING", "IN_PROGRESS" -> Thread.sleep(1);
                default -> throw new IllegalStateException("the request did not succeed: " + event);
            }
        }
    }

    private RequestTiming timing(final JsonNode event) {
        return stack.cloudControl()
                .timing(event.path("RequestToken").asText())
                .orElseThrow(() -> new IllegalStateException("no timing for " + event));
    }

    private static String percentiles(final RequestTiming[] timings, final ToLongFunction<RequestTiming> part) {
        final long[] values = Arrays.stream(timings).mapToLong(part).sorted().toArray();
        return String.format(Locale.ROOT, "%.0f (p50), %.0f (p99)", rank(values, 50) / 1e3, rank(values, 99) / 1e3);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long rank(final long[] sorted, final int percent) {
        final int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static void seed(final ApiGatewayV2Client client, final String apiId, final String integrationId)
            throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            final Future<?>[] created = new Future<?>[LISTED];
            for (int i = 0; i < LISTED; i++) {
                final String key = "/l" + i + "/";
                created[i] = pool.submit(() -> client.createIntegrationResponse(
                        r -> r.apiId(apiId).integrationId(integrationId).integrationResponseKey(key)));
            }
            for (Future<?> future : created) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Every page of ListResources: elapsed ns, pages, responses. */
    private long[] listThroughCloudControl(final String model) throws IOException, InterruptedException {
        final long start = System.nanoTime();
        long pages = 0;
        long responses = 0;
        String nextToken = null;
        do {
            final ObjectNode body =
                    JSON.createObjectNode().put("TypeName", TYPE).put("ResourceModel", model);
            if (nextToken != null) {
                body.put("NextToken", nextToken);
            }
            final JsonNode page = call("ListResources", body);
            pages++;
            responses += page.path("ResourceDescriptions").size();
            nextToken = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
        } while (nextToken != null);
        return new long[] {System.nanoTime() - start, pages, responses};
    }

    /** Every page of the same LIST through the Lambda Invoke API alone: elapsed ns, pages. */
    private long[] listDirectly(final String model) throws IOException, InterruptedException {
        final LambdaInvoker invoker = new LambdaInvoker(stack.lambdaUri());
        final long start = System.nanoTime();
        long pages = 0;
        String nextToken = null;
        do {
            final JsonNode event = invoker.invoke(
                    LambdaInvoker.TYPE_FUNCTION,
                    stack.requests().request("LIST", JSON.readTree(model), null, nextToken));
            pages++;
            nextToken = event.hasNonNull("nextToken") ? event.get("nextToken").asText() : null;
        } while (nextToken != null);
        return new long[] {System.nanoTime() - start, pages};
    }
}
