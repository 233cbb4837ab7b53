package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.local.apigateway.AccountQuota;
import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.TooManyRequestsException;

/**
 * Deploys stacks of integration responses as CloudFormation does: every resource of a stack at
 * once through the Lambda Invoke API (TypeFunction), re-invoking an IN_PROGRESS answer with its
 * model and callback context after its {@code callbackDelaySeconds}; then updates every one, then
 * deletes every one. The stacks run at once against one local API Gateway V2 and one account-wide
 * quota, each on its own API and integration. {@code bin/cfn-local stack} calls {@link #run}.
 *
 * <p>Time is scaled by {@link Settings#timeScale}: the handler's waits, the callback delays this
 * driver honours and the quota's clock all run faster by the same factor, and the figures are
 * reported unscaled (measured time divided by the factor).
 */
public final class StackDriver {
    /** The slowest a run may be against the quota's floor. */
    static final double WALL_OVER_FLOOR_LIMIT = 1.3;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param resources integration responses per stack
     * @param stacks stacks deployed at once
     * @param quota the account's quota (its time scale must be {@code timeScale}), or null for none
     * @param timeScale how fast the handler's waits, the callback delays and the quota's clock pass
     */
    public record Settings(int resources, int stacks, AccountQuota quota, TimeScale timeScale) {
        public Settings {
            if (resources < 1 || stacks < 1) {
                throw new IllegalArgumentException("--resources and --stacks must be at least 1");
            }
            if (quota != null && quota.timeScale() != timeScale.factor()) {
                throw new IllegalArgumentException("the quota must run on the same time scale as the handler");
            }
        }
    }

    /** The figures of one run; {@link #holds()} when every one is as it must be. */
    public record Figures(
            int total,
            int created,
            int updated,
            int deleted,
            Map<String, Long> failedByCode,
            long throttlesSeen,
            long inProgressEvents,
            long invocations,
            double maxInvocationSeconds,
            long duplicates,
            long leftovers,
            long bucketViolations,
            long apiCalls,
            Double floorSeconds,
            double wallSeconds,
            List<String> problems) {

        public boolean holds() {
            return invariantsHold()
                    && maxInvocationSeconds <= CloudFormationDriver.MUTATING_LIMIT.toSeconds()
                    && (floorSeconds == null || wallSeconds <= WALL_OVER_FLOOR_LIMIT * floorSeconds);
        }

        /**
         * Every figure but the two measured on the wall clock (the longest invocation, the run's
         * time against the quota's floor): those are benchmark figures, for {@code bin/cfn-local stack}
         * to judge on a machine it has to itself.
         */
        public boolean invariantsHold() {
            return problems.isEmpty()
                    && created == total
                    && updated == total
                    && deleted == total
                    && failedByCode.isEmpty()
                    && duplicates == 0
                    && leftovers == 0
                    && bucketViolations == 0
                    && invocations == 3L * total + inProgressEvents;
        }

        /** One {@code name: value} line per figure. */
        public List<String> lines() {
            return List.of(
                    "resources_created: " + created + "/" + total,
                    "resources_updated: " + updated + "/" + total,
                    "resources_deleted: " + deleted + "/" + total,
                    "failed_by_code: "
                            + (failedByCode.isEmpty()
                                    ? "-"
                                    : failedByCode.entrySet().stream()
                                            .map(e -> e.getKey() + "=" + e.getValue())
                                            .collect(Collectors.joining(","))),
                    "throttles_seen: " + throttlesSeen,
                    "in_progress_events: " + inProgressEvents,
                    "invocations: " + invocations,
                    "max_invocation_s: " + seconds(maxInvocationSeconds),
                    "duplicates: " + duplicates,
                    "leftovers: " + leftovers,
                    "bucket_violations: " + bucketViolations,
                    "api_calls: " + apiCalls,
                    "floor_s: " + (floorSeconds == null ? "-" : seconds(floorSeconds)),
                    "wall_s: " + seconds(wallSeconds));
        }

        private static String seconds(final double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
    }

    private final LocalDeployment deployment;
    private final Settings settings;
    private final PrintStream progress;
    private final LambdaInvoker invoker;
    private final CloudFormationDriver driver;
    private final HandlerRequests requests;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> failedByCode = Collections.synchronizedMap(new TreeMap<>());
    private final LongAdder inProgressEvents = new LongAdder();
    private final LongAdder invocations = new LongAdder();
    private final AtomicLong maxInvocationNanos = new AtomicLong();
    private final Map<String, AtomicInteger> succeeded = new HashMap<>();
    private final Map<String, AtomicInteger> finished = new HashMap<>();

    private StackDriver(final LocalDeployment deployment, final Settings settings, final PrintStream progress) {
        this.deployment = deployment;
        this.settings = settings;
        this.progress = progress;
        this.invoker = new LambdaInvoker(deployment.lambdaUri());
        this.driver = new CloudFormationDriver(settings.timeScale());
        this.requests = deployment.requests();
        for (final String action : List.of("CREATE", "UPDATE", "DELETE")) {
            succeeded.put(action, new AtomicInteger());
            finished.put(action, new AtomicInteger());
        }
    }

    /**
     * Starts a local deployment on free ports, runs the stacks, and returns the figures.
     *
     * @param progress where a line per phase and a running count go while it runs
     */
    public static Figures run(final Settings settings, final PrintStream progress) throws IOException {
        final int concurrency = settings.resources() * settings.stacks() + 8;
        try (PrintStream handlerLog = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
                LocalDeployment deployment = LocalDeployment.start(
                        false,
                        null,
                        0,
                        0,
                        handlerLog,
                        new LocalDeployment.Pace(settings.timeScale(), null, concurrency))) {
            final StackDriver driver = new StackDriver(deployment, settings, progress);
            driver.warmUp();
            deployment.apiGateway().resetCounts();
            deployment.apiGateway().setAccountQuota(settings.quota());
            return driver.runAll();
        }
    }

    /**
     * Serves one READ (of a response that does not exist) in as many execution environments as the
     * run will use, before the quota is switched on and the clock starts. Lambda starts environments
     * on machines of their own; here hundreds of cold starts would share two cores, and under a time
     * scale their CPU time would be counted many times over.
     */
    private void warmUp() {
        final int total = settings.resources() * settings.stacks();
        progress.println("warming " + total + " execution environments");
        final ObjectNode missing = JSON.createObjectNode()
                .put("ApiId", "warmupapi0")
                .put("IntegrationId", "warmup0")
                .put("IntegrationResponseId", "warmup0")
                .put("IntegrationResponseKey", "/warm-up/");
        final ExecutorService threads = Executors.newFixedThreadPool(total);
        try {
            final List<Future<LambdaInvoker.Response>> reads = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                reads.add(threads.submit(() -> invoker.send(
                        LambdaInvoker.TYPE_FUNCTION,
                        JSON.writeValueAsBytes(requests.request("READ", missing, null, null)))));
            }
            reads.forEach(StackDriver::await);
        } finally {
            threads.shutdownNow();
        }
    }

    private Figures runAll() {
        final int total = settings.resources() * settings.stacks();
        final ExecutorService stackThreads = Executors.newFixedThreadPool(settings.stacks());
        final ExecutorService resourceThreads = Executors.newFixedThreadPool(total);
        final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        final long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> progress.println(runningCount(started)), 5, 5, TimeUnit.SECONDS);
        final List<Future<long[]>> stacks = new ArrayList<>();
        try (ApiGatewayV2Client client = deployment.prerequisitesClient()) {
            for (int stack = 1; stack <= settings.stacks(); stack++) {
                final int number = stack;
                stacks.add(stackThreads.submit(() -> deployStack(number, client, resourceThreads)));
            }
            long duplicates = 0;
            long leftovers = 0;
            for (final Future<long[]> stack : stacks) {
                final long[] checks = await(stack);
                duplicates += checks[0];
                leftovers += checks[1];
            }
            final double wallSeconds = unscaledSeconds(System.nanoTime() - started);
            final AccountQuota quota = settings.quota();
            final Figures figures = new Figures(
                    total,
                    succeeded.get("CREATE").get(),
                    succeeded.get("UPDATE").get(),
                    succeeded.get("DELETE").get(),
                    new TreeMap<>(failedByCode),
                    quota == null ? 0 : quota.throttled(),
                    inProgressEvents.sum(),
                    invocations.sum(),
                    unscaledSeconds(maxInvocationNanos.get()),
                    duplicates,
                    leftovers,
                    quota == null ? 0 : quota.violations(),
                    apiCalls(),
                    quota == null ? null : Math.max(0, apiCalls() - quota.burst()) / quota.rate(),
                    wallSeconds,
                    List.copyOf(problems));
            deployment.apiGateway().setAccountQuota(null);
            return figures;
        } finally {
            ticker.shutdownNow();
            stackThreads.shutdownNow();
            resourceThreads.shutdownNow();
        }
    }

    /**
     * API calls that reached the service and were let through: every operation the local API
     * Gateway V2 ran (the handler's and this driver's own prerequisites), not the 429 answers.
     */
    private long apiCalls() {
        final AccountQuota quota = settings.quota();
        return quota != null
                ? quota.admitted()
                : deployment.apiGateway().requestCounts().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
    }

    /** One stack's whole life; returns its duplicates (after create) and leftovers (after delete). */
    private long[] deployStack(final int number, final ApiGatewayV2Client client, final ExecutorService threads) {
        final String apiId = retryingThrottled(() -> LocalDeployment.createWebSocketApi(client, "stack-" + number));
        final LocalDeployment.Prerequisites parent = new LocalDeployment.Prerequisites(
                apiId, retryingThrottled(() -> LocalDeployment.createMockIntegration(client, apiId)));
        progress.println("stack " + number + ": API " + parent.apiId() + ", integration " + parent.integrationId()
                + "; creating " + settings.resources() + " integration responses");
        final List<ObjectNode> desired = new ArrayList<>();
        for (int i = 1; i <= settings.resources(); i++) {
            desired.add(model(parent, "/code-" + i + "/", 1));
        }
        final List<JsonNode> created = inParallel(threads, desired, model -> drive("CREATE", model, null));
        final long duplicates = duplicates(parent, created);
        progress.println("stack " + number + ": created " + count(created) + "/" + desired.size() + "; updating");
        final List<ObjectNode> current = new ArrayList<>();
        for (final JsonNode model : created) {
            if (model != null) {
                current.add((ObjectNode) model);
            }
        }
        final List<JsonNode> updated =
                inParallel(threads, current, model -> drive("UPDATE", updatedModel(model), model));
        progress.println("stack " + number + ": updated " + count(updated) + "/" + current.size() + "; deleting");
        final List<JsonNode> deleted = inParallel(threads, current, model -> drive("DELETE", model, null));
        final long leftovers = responsesOf(parent).size();
        progress.println(
                "stack " + number + ": deleted " + count(deleted) + "/" + current.size() + ", " + leftovers + " left");
        return new long[] {duplicates, leftovers};
    }

    /**
     * One action as CloudFormation carries it out: invoked, and while it answers IN_PROGRESS,
     * invoked again after the delay it asks for with the model and callback context it returned.
     * Returns the final model (a node without fields for a delete), or null when it failed.
     */
    private JsonNode drive(final String action, final ObjectNode desired, final ObjectNode previous) {
        final ObjectNode request = requests.request(action, desired, previous, null);
        try {
            final List<Answer> answers = driver.run(request, this::invokeTimed, Answer::event);
            final Answer last = answers.get(answers.size() - 1);
            if (last.event() == null) {
                return failed(
                        action,
                        "Lambda" + last.response().status(),
                        last.response().body());
            }
            if (!"SUCCESS".equals(last.event().path("status").asText())) {
                return failed(
                        action,
                        last.event().path("errorCode").asText("no error code"),
                        last.event().toString());
            }
            succeeded.get(action).incrementAndGet();
            return last.event().hasNonNull("resourceModel")
                    ? last.event().get("resourceModel")
                    : JSON.createObjectNode();
        } catch (final CloudFormationDriver.NeverFinished e) {
            return failed(action, "NeverFinished", e.getMessage());
        } catch (final IOException e) {
            return failed(action, "LambdaUnreachable", e.toString());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(action, "Interrupted", e.toString());
        } finally {
            finished.get(action).incrementAndGet();
        }
    }

    /** What one invocation answered, and the progress event in it (null when it holds none). */
    private record Answer(LambdaInvoker.Response response, JsonNode event) {}

    /** One invocation, counted (and its IN_PROGRESS answer), its time kept when it is the longest so far. */
    private Answer invokeTimed(final ObjectNode request) throws IOException, InterruptedException {
        final long start = System.nanoTime();
        final LambdaInvoker.Response response =
                invoker.send(LambdaInvoker.TYPE_FUNCTION, JSON.writeValueAsBytes(request));
        maxInvocationNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
        invocations.increment();
        final JsonNode event =
                response.status() != 200 || response.functionError() != null ? null : JSON.readTree(response.body());
        if (event != null && CloudFormationDriver.isInProgress(event)) {
            inProgressEvents.increment();
        }
        return new Answer(response, event);
    }

    private JsonNode failed(final String action, final String code, final String detail) {
        failedByCode.merge(code, 1L, Long::sum);
        if (problems.size() < 20) {
            problems.add(action + " failed " + code + ": " + detail);
        }
        return null;
    }

    private String runningCount(final long started) {
        final AccountQuota quota = settings.quota();
        return String.format(
                Locale.ROOT,
                "%.0f s (unscaled): created %d, updated %d, deleted %d of %d; %d IN_PROGRESS, %d throttled, %d calls",
                unscaledSeconds(System.nanoTime() - started),
                finished.get("CREATE").get(),
                finished.get("UPDATE").get(),
                finished.get("DELETE").get(),
                settings.resources() * settings.stacks(),
                inProgressEvents.sum(),
                quota == null ? 0 : quota.throttled(),
                apiCalls());
    }

    /** Keys held by more than one response, and created responses not holding their key, in one integration. */
    private long duplicates(final LocalDeployment.Prerequisites parent, final List<JsonNode> created) {
        final Map<String, List<String>> idsByKey = new HashMap<>();
        for (final JsonNode response : responsesOf(parent)) {
            idsByKey.computeIfAbsent(response.path("integrationResponseKey").asText(), key -> new ArrayList<>())
                    .add(response.path("integrationResponseId").asText());
        }
        long duplicates =
                idsByKey.values().stream().filter(ids -> ids.size() > 1).count();
        for (final JsonNode model : created) {
            if (model != null
                    && !List.of(model.path("IntegrationResponseId").asText())
                            .equals(idsByKey.get(
                                    model.path("IntegrationResponseKey").asText()))) {
                problems.add(
                        "the create of " + model.path("IntegrationResponseKey").asText()
                                + " reported a response that does not hold its key alone");
            }
        }
        return duplicates;
    }

    /** The integration's responses as the service holds them, read without a request (so without the quota). */
    private List<JsonNode> responsesOf(final LocalDeployment.Prerequisites parent) {
        try {
            final List<JsonNode> responses = new ArrayList<>();
            for (final JsonNode api :
                    JSON.readTree(deployment.apiGateway().stateSnapshot()).path("apis")) {
                if (!parent.apiId().equals(api.path("apiId").asText())) {
                    continue;
                }
                for (final JsonNode integration : api.path("integrations")) {
                    if (parent.integrationId()
                            .equals(integration.path("integrationId").asText())) {
                        integration.path("integrationResponses").forEach(responses::add);
                    }
                }
            }
            return responses;
        } catch (final IOException e) {
            throw new IllegalStateException("could not read the local API Gateway V2's state", e);
        }
    }

    private ObjectNode model(final LocalDeployment.Prerequisites parent, final String key, final int version) {
        final ObjectNode model = JSON.createObjectNode()
                .put("ApiId", parent.apiId())
                .put("IntegrationId", parent.integrationId())
                .put("IntegrationResponseKey", key)
                .put("TemplateSelectionExpression", "\\$default");
        model.putObject("ResponseTemplates").put("application/json", "{\"version\": " + version + "}");
        return model;
    }

    private static ObjectNode updatedModel(final ObjectNode current) {
        final ObjectNode desired = current.deepCopy();
        desired.putObject("ResponseTemplates").put("application/json", "{\"version\": 2}");
        return desired;
    }

    /** The driver's own calls (the API and integration each stack needs) wait throttling out too. */
    private <T> T retryingThrottled(final Supplier<T> call) {
        for (; ; ) {
            try {
                return call.get();
            } catch (final TooManyRequestsException e) {
                sleepUnscaled(Duration.ofMillis(200));
            }
        }
    }

    private static <T> List<JsonNode> inParallel(
            final ExecutorService threads, final List<T> items, final java.util.function.Function<T, JsonNode> work) {
        final List<Future<JsonNode>> futures = new ArrayList<>();
        for (final T item : items) {
            futures.add(threads.submit(() -> work.apply(item)));
        }
        final List<JsonNode> results = new ArrayList<>();
        for (final Future<JsonNode> future : futures) {
            results.add(await(future));
        }
        return results;
    }

    private static long count(final List<JsonNode> results) {
        return results.stream().filter(result -> result != null).count();
    }

    private static <T> T await(final Future<T> future) {
        try {
            return future.get();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (final ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void sleepUnscaled(final Duration unscaled) {
        try {
            Thread.sleep(settings.timeScale().scaled(unscaled).toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double unscaledSeconds(final long nanos) {
        return settings.timeScale().unscaledSeconds(nanos);
    }
}
