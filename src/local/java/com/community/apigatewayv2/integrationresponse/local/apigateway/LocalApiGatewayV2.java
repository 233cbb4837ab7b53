package com.community.apigatewayv2.integrationresponse.local.apigateway;

import com.community.apigatewayv2.integrationresponse.local.apigateway.operations.ApiGatewayV2Operations;
import com.community.apigatewayv2.integrationresponse.local.apigateway.routes.ApiGatewayV2HttpHandler;
import com.community.apigatewayv2.integrationresponse.local.apigateway.store.ApiGatewayV2Store;
import com.community.apigatewayv2.integrationresponse.local.net.LocalEndpoint;
import com.community.apigatewayv2.integrationresponse.local.net.LoopbackServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * An in-process Amazon API Gateway V2 control plane, enough of it for integration responses:
 * APIs, integrations and integration responses over the service's REST protocol, so the real SDK
 * client pointed at {@link #url()} cannot tell it from the service. State lives in memory and is
 * safe under concurrent requests. Listens on 127.0.0.1 only.
 *
 * <p>Tests read {@link #requestCount(String)} to prove how many calls a handler made, and
 * {@link #stateSnapshot()} to prove a failed request changed nothing. {@link #setFaultPlan} is the
 * one place where fault injection plugs in.
 */
public final class LocalApiGatewayV2 extends LocalEndpoint {

    /**
     * The SDK's standard endpoint setting for API Gateway V2: a client built without an endpoint
     * override (the handler's) calls the URL it holds, e.g. this emulator's {@link #url()}.
     */
    public static final String ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayV2";

    private static final int DEFAULT_THREADS = 32;

    private final int requestedPort;
    private final int threads;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final ObjectMapper canonicalMapper = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private final ApiGatewayV2Store store = new ApiGatewayV2Store(LocalEndpoint.ACCOUNT_ID, LocalEndpoint.REGION);
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    private volatile FaultPlan faultPlan = FaultPlan.NONE;
    private volatile AccountQuota quota;
    private volatile int defaultPageSize = ApiGatewayV2Operations.DEFAULT_MAX_RESULTS;
    private volatile ApiGatewayV2HttpHandler handler;
    private volatile String requiredSessionToken;

    /** An emulator on any free port. */
    public LocalApiGatewayV2() {
        this(0);
    }

    /** @param port the port to listen on, or 0 for any free one */
    public LocalApiGatewayV2(int port) {
        this(port, DEFAULT_THREADS);
    }

    /** @param threads how many requests are served at once */
    public LocalApiGatewayV2(int port, int threads) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.requestedPort = port;
        this.threads = threads;
    }

    /** Binds and starts serving; returns this for chaining. */
    public synchronized LocalApiGatewayV2 start() throws IOException {
        requireStopped();
        handler = new ApiGatewayV2HttpHandler(
                mapper,
                new ApiGatewayV2Operations(store, () -> defaultPageSize),
                this::count,
                () -> requiredSessionToken,
                this::beforeOperation);
        serving(LoopbackServer.start(requestedPort, "local-apigatewayv2", threads, handler));
        return this;
    }

    /** Replaces the fault plan consulted before each operation; {@link FaultPlan#NONE} turns faults off. */
    public void setFaultPlan(FaultPlan plan) {
        this.faultPlan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * Throttles every operation against one account-wide token bucket, as API Gateway's control
     * plane does; null (the default) lets everything through.
     */
    public void setAccountQuota(AccountQuota quota) {
        this.quota = quota;
    }

    /**
     * Refuses every request whose {@code X-Amz-Security-Token} header is not {@code sessionToken}, as
     * the service refuses a request signed with another caller's credentials (403
     * UnrecognizedClientException), so a test can check that calls carry the caller's session token;
     * null (the default) takes any. Signatures are never checked.
     */
    public void requireSessionToken(String sessionToken) {
        this.requiredSessionToken = sessionToken;
    }

    /** The quota in force, or null. */
    public AccountQuota accountQuota() {
        return quota;
    }

    /**
     * Sets the page size of a list request that names no {@code maxResults}: the service's is
     * {@value ApiGatewayV2Operations#DEFAULT_MAX_RESULTS}, and a handler that lists without a page size
     * only meets a second page past that many; a smaller one lets a test reach it with a few resources.
     */
    public void setDefaultPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > ApiGatewayV2Operations.LARGEST_MAX_RESULTS) {
            throw new IllegalArgumentException("the default page size must be from 1 to "
                    + ApiGatewayV2Operations.LARGEST_MAX_RESULTS + ", not " + pageSize);
        }
        this.defaultPageSize = pageSize;
    }

    /**
     * Waits until no request is being served, e.g. one a {@code timeout} fault holds after its
     * client gave up, so its late effect is seen before the state is compared.
     *
     * @return whether the emulator became idle within the time given
     */
    public boolean awaitIdle(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (handler != null && handler.inFlight() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** How many requests for the operation (e.g. {@code CreateIntegrationResponse}) arrived, failed ones included. */
    public long requestCount(String operationName) {
        LongAdder count = requestCounts.get(operationName);
        return count == null ? 0 : count.sum();
    }

    /** All non-zero counts, by operation name. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requestCounts.forEach((name, count) -> {
            long sum = count.sum();
            if (sum > 0) {
                counts.put(name, sum);
            }
        });
        return counts;
    }

    public void resetCounts() {
        requestCounts.values().forEach(LongAdder::reset);
    }

    /**
     * Every API, integration and integration response as canonical JSON (resources ordered by
     * identifier, object keys sorted), so equal state always yields the same string.
     */
    public String stateSnapshot() {
        try {
            Object plain = mapper.treeToValue(store.snapshot(), Object.class);
            return canonicalMapper.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes a token from the account's quota (when one is set), then consults the fault plan, which
     * is asked again, the same plan, once the operation has been applied.
     */
    private Runnable beforeOperation(String operationName) {
        AccountQuota accountQuota = quota;
        if (accountQuota != null) {
            accountQuota.admit();
        }
        FaultPlan plan = faultPlan;
        plan.beforeOperation(operationName);
        return () -> plan.afterOperation(operationName);
    }

    private void count(String operationName) {
        requestCounts.computeIfAbsent(operationName, name -> new LongAdder()).increment();
    }

    /**
     * Runs the emulator until the process is stopped: {@code [--port N]} (default 0, any free port),
     * {@code [--throttle RATE/BURST]} (the account's quota, e.g. 10/40; default none).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        AccountQuota quota = null;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if ("--throttle".equals(args[i]) && i + 1 < args.length) {
                quota = AccountQuota.parse(args[++i], 1.0);
            } else {
                System.err.println("usage: LocalApiGatewayV2 [--port N] [--throttle RATE/BURST]");
                System.exit(2);
            }
        }
        LocalApiGatewayV2 emulator = new LocalApiGatewayV2(port).start();
        emulator.setAccountQuota(quota);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "local-apigatewayv2-shutdown"));
        System.out.println("LocalApiGatewayV2 listening on " + emulator.url());
        stopped.await();
    }
}
