package com.community.apigatewayv2.integrationresponse.local.chaos;

import com.community.apigatewayv2.integrationresponse.handler.HandlerConfig;
import com.community.apigatewayv2.integrationresponse.local.apigateway.FaultPlan;
import com.community.apigatewayv2.integrationresponse.local.chaos.BadInputs.BadInput;
import com.community.apigatewayv2.integrationresponse.local.faults.FaultInjector;
import com.community.apigatewayv2.integrationresponse.local.faults.FaultSpec;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.community.apigatewayv2.integrationresponse.local.stack.CanaryDeployment;
import com.community.apigatewayv2.integrationresponse.local.stack.CanaryDeployment.Answer;
import com.community.apigatewayv2.integrationresponse.local.stack.CloudFormationDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the reliability checks against a fresh local stack ({@link CanaryDeployment}: the real handler
 * behind the local Lambda endpoint, the local API Gateway V2 behind it) and reports figures:
 * injected faults absorbed or failed with the right code, bad inputs answered well, no duplicate
 * resources, no leaked credentials, parallel lifecycles, and no change outside the resource an
 * update or delete names. {@code bin/cfn-local chaos} calls {@link #main}; tests call {@link #run}.
 */
public final class Chaos {

    /** Bad inputs a run sends unless told otherwise. */
    public static final int DEFAULT_BAD_INPUTS = 10_000;

    public static final int PARALLEL_LIFECYCLES = 16;

    /**
     * The handler's throttling waits (45 s for a mutating action, 15 s for a read) and the callback
     * delays run 50 times faster, so a scenario throttled throughout ends in about a second.
     */
    static final TimeScale TIME_SCALE = new TimeScale(0.02);

    /**
     * How long a {@code timeout} fault holds a request: past the handler's attempt timeout at this
     * time scale, by as much as {@link FaultInjector#DEFAULT_TIMEOUT_DELAY} outlasts it in real time.
     */
    static final Duration TIMEOUT_HOLD = HandlerConfig.attemptTimeout(TIME_SCALE.factor())
            .multipliedBy(FaultInjector.DEFAULT_TIMEOUT_DELAY.toMillis())
            .dividedBy(HandlerConfig.attemptTimeout(1).toMillis());

    /** The figures of one run; {@link #holds()} when every one is as it must be. */
    public record Figures(
            long faultsInjected,
            long faultsAbsorbed,
            Map<String, Long> failedByCode,
            long internalFailures,
            long badInputsTried,
            long badInputsMishandled,
            long duplicateResources,
            long secretLeaks,
            int parallelLifecyclesOk,
            int parallelLifecycles,
            long stateChangesOutsideTarget,
            List<String> problems) {

        public boolean holds() {
            return problems.isEmpty()
                    && internalFailures == 0
                    && badInputsMishandled == 0
                    && duplicateResources == 0
                    && secretLeaks == 0
                    && parallelLifecyclesOk == parallelLifecycles
                    && stateChangesOutsideTarget == 0
                    && faultsAbsorbed > 0
                    && badInputsTried > 0;
        }

        /** One {@code name: value} line per figure. */
        public List<String> lines() {
            return List.of(
                    "faults_injected: " + faultsInjected,
                    "faults_absorbed: " + faultsAbsorbed,
                    "failed_by_code: "
                            + failedByCode.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .collect(Collectors.joining(",")),
                    "internal_failures: " + internalFailures,
                    "bad_inputs_tried: " + badInputsTried,
                    "bad_inputs_mishandled: " + badInputsMishandled,
                    "duplicate_resources: " + duplicateResources,
                    "secret_leaks: " + secretLeaks,
                    "parallel_lifecycles_ok: " + parallelLifecyclesOk + "/" + parallelLifecycles,
                    "state_changes_outside_target: " + stateChangesOutsideTarget);
        }
    }

    private static final String SUCCESS = "SUCCESS";

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final CanaryDeployment stack;
    private final CloudFormationDriver driver = new CloudFormationDriver(TIME_SCALE);
    private final long seed;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> failedByCode = new TreeMap<>();
    private final Set<String> keysOfFailedCreates = new HashSet<>();
    private final Map<String, String> idsOfCreates = new HashMap<>();
    private long faultsInjected;
    private long faultsAbsorbed;
    private long internalFailures;
    private long stateChangesOutsideTarget;
    private String apiId;
    private String integrationId;

    private Chaos(CanaryDeployment stack, long seed) {
        this.stack = stack;
        this.seed = seed;
    }

    /**
     * Runs every check once on a fresh local stack and returns the figures.
     *
     * @param badInputs how many bad inputs to send
     * @param seed      seeds the bad inputs and the percentage faults, so a run can be repeated
     */
    public static Figures run(int badInputs, long seed) throws IOException {
        return run(badInputs, seed, new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** As {@link #run(int, long)}, with a line on {@code progress} as each phase begins. */
    public static Figures run(int badInputs, long seed, PrintStream progress) throws IOException {
        try (CanaryDeployment stack = CanaryDeployment.start(TIME_SCALE)) {
            return new Chaos(stack, seed).runAll(badInputs, progress);
        }
    }

    private Figures runAll(int badInputs, PrintStream progress) {
        progress.println("chaos: seeding the local stack");
        seedStack();
        progress.println("chaos: faults the budget absorbs");
        absorbedFaults();
        progress.println("chaos: faults past the budget");
        faultsPastTheBudget();
        long duplicates = duplicateResources();
        progress.println("chaos: " + badInputs + " bad inputs");
        long[] badInputFigures = badInputs(badInputs);
        progress.println("chaos: " + PARALLEL_LIFECYCLES + " parallel lifecycles");
        int parallelOk = parallelLifecycles();
        return new Figures(
                faultsInjected,
                faultsAbsorbed,
                Collections.unmodifiableMap(new TreeMap<>(failedByCode)),
                internalFailures,
                badInputFigures[0],
                badInputFigures[1],
                duplicates,
                stack.secretLeaks(),
                parallelOk,
                PARALLEL_LIFECYCLES,
                stateChangesOutsideTarget,
                List.copyOf(problems));
    }

    // ---- the stack the checks run against ----

    private String otherApiId;
    private String otherIntegrationId;
    private String parallelIntegrationId;
    private String siblingId;

    private void seedStack() {
        apiId = stack.createWebSocketApi("chaos");
        integrationId = stack.createMockIntegration(apiId);
        parallelIntegrationId = stack.createMockIntegration(apiId);
        otherApiId = stack.createWebSocketApi("bystander");
        otherIntegrationId = stack.createMockIntegration(otherApiId);
        siblingId = created(model("$default")
                .set("ResponseTemplates", nodes.objectNode().put("application/json", "{\"sibling\": true}")));
        created(model("/5\\d\\d/").put("TemplateSelectionExpression", "\\$default"));
        created(model("$default").put("ApiId", otherApiId).put("IntegrationId", otherIntegrationId));
    }

    private ObjectNode model(String key) {
        return nodes.objectNode()
                .put("ApiId", apiId)
                .put("IntegrationId", integrationId)
                .put("IntegrationResponseKey", key);
    }

    private String created(ObjectNode model) {
        Answer answer = stack.invoke("CREATE", model);
        if (!SUCCESS.equals(answer.status())) {
            throw new IllegalStateException("could not seed the local stack: " + answer);
        }
        return answer.model().get("IntegrationResponseId").asText();
    }

    // ---- faults ----

    private void absorbedFaults() {
        ObjectNode a1 = model("/a1/");
        create("CreateIntegrationResponse:429x2", a1, SUCCESS);
        create(
                "CreateIntegrationResponse:500x2",
                model("/a2/").put("TemplateSelectionExpression", "\\$default"),
                SUCCESS);
        create(
                "CreateIntegrationResponse:lost x1",
                model("/a3/").set("ResponseTemplates", nodes.objectNode().put("application/json", "{}")),
                SUCCESS);
        create("CreateIntegrationResponse:503x3", model("/a4/"), SUCCESS);
        create("*:reset x2", model("/a5/"), SUCCESS);
        ObjectNode first = identified("/a1/");
        faulted("GetIntegrationResponse:500x2", "READ", first, null, SUCCESS, null);
        faulted("GetIntegrationResponse:reset x2", "READ", first, null, SUCCESS, null);
        faulted("GetIntegrationResponses:429x2", "LIST", model("/a1/"), null, SUCCESS, null);
        ObjectNode second = identified("/a2/");
        update("UpdateIntegrationResponse:503x2", second, "v1", SUCCESS);
        update("UpdateIntegrationResponse:timeout x1", second, "v2", SUCCESS);
        update("UpdateIntegrationResponse:lost x1", second, "v3", SUCCESS);
        update("GetIntegrationResponse:500x2", second, "v4", SUCCESS);
        faulted("DeleteIntegrationResponse:reset x2", "DELETE", identified("/a5/"), null, SUCCESS, "/a5/");
        for (int i = 0; i < 20; i++) {
            faulted("GetIntegrationResponse:500@25%", "READ", first, null, SUCCESS + "|ServiceInternalError", null);
        }
    }

    private void faultsPastTheBudget() {
        ObjectNode first = identified("/a1/");
        ObjectNode second = identified("/a2/");
        // throttled throughout: CREATE, READ and LIST at their deadline, UPDATE after its last IN_PROGRESS round
        create("CreateIntegrationResponse:429@100%", model("/p1/"), "Throttling");
        faulted("GetIntegrationResponse:429@100%", "READ", first, null, "Throttling", null);
        faulted("GetIntegrationResponses:429@100%", "LIST", model("/a1/"), null, "Throttling", null);
        update("UpdateIntegrationResponse:429@100%", second, "p4", "Throttling");
        faulted("GetIntegrationResponse:500x100", "READ", first, null, "ServiceInternalError", null);
        create("CreateIntegrationResponse:503x100", model("/p6/"), "ServiceInternalError");
        update("UpdateIntegrationResponse:500x100", second, "p7", "ServiceInternalError");
        faulted("DeleteIntegrationResponse:503x100", "DELETE", first, null, "ServiceInternalError", "/a1/");
        faulted("GetIntegrationResponse:reset x100", "READ", first, null, "NetworkFailure", null);
        create("*:reset x100", model("/p10/"), "NetworkFailure");
        faulted("DeleteIntegrationResponse:reset x100", "DELETE", first, null, "NetworkFailure", "/a1/");
        update("UpdateIntegrationResponse:reset x100", second, "p12", "NetworkFailure");
        faulted("GetIntegrationResponses:timeout x100", "LIST", model("/a1/"), null, "NetworkFailure", null);
        // an earlier attempt failed, so the conflict might be ours; it is not: the key holds other values
        create("CreateIntegrationResponse:500x1", model("/5\\d\\d/"), "AlreadyExists");
    }

    private void create(String spec, ObjectNode desired, String expected) {
        String key = desired.get("IntegrationResponseKey").asText();
        boolean existed = responsesWithKey(key) > 0;
        Answer answer = faulted(spec, "CREATE", desired, null, expected, key);
        if (SUCCESS.equals(answer.status())) {
            idsOfCreates.put(key, answer.model().get("IntegrationResponseId").asText());
        } else if (!existed) {
            keysOfFailedCreates.add(key);
        }
    }

    private void update(String spec, ObjectNode current, String version, String expected) {
        ObjectNode desired = current.deepCopy();
        desired.set("ResponseTemplates", nodes.objectNode().put("application/json", "{\"v\": \"" + version + "\"}"));
        faulted(
                spec,
                "UPDATE",
                desired,
                current,
                expected,
                current.get("IntegrationResponseKey").asText());
    }

    /**
     * Runs one action under a fault spec and records the outcome. With a target key, the state
     * outside the response holding that key must be unchanged afterwards.
     */
    private Answer faulted(
            String spec, String action, ObjectNode desired, ObjectNode previous, String expected, String targetKey) {
        String before = stateOutside(targetKey);
        FaultInjector injector = new FaultInjector(FaultSpec.parse(spec), TIMEOUT_HOLD, seed);
        stack.emulator().setFaultPlan(injector);
        Answer answer;
        try {
            answer = invokeUntilDone(action, desired, previous);
        } finally {
            stack.emulator().setFaultPlan(FaultPlan.NONE);
        }
        awaitIdle();
        long injected = injector.faultsInjected();
        faultsInjected += injected;
        String outcome = answer.isProgressEvent() ? answer.status() : "no progress event";
        if (SUCCESS.equals(outcome)) {
            faultsAbsorbed += injected;
        } else if ("FAILED".equals(outcome)) {
            failedByCode.merge(answer.errorCode(), 1L, Long::sum);
            outcome = answer.errorCode();
        }
        if (!answer.isProgressEvent() || "InternalFailure".equals(answer.errorCode())) {
            internalFailures++;
        }
        if (!List.of(expected.split("\\|")).contains(outcome)) {
            problems.add(action + " under " + spec + ": expected " + expected + ", got " + answer);
        }
        if (targetKey != null && !before.equals(stateOutside(targetKey))) {
            stateChangesOutsideTarget++;
            problems.add(action + " under " + spec + " changed state outside " + targetKey);
        }
        return answer;
    }

    /** Invokes, and again while the answer is IN_PROGRESS, as CloudFormation does (delays scaled). */
    private Answer invokeUntilDone(String action, ObjectNode desired, ObjectNode previous) {
        try {
            List<Answer> answers = driver.run(
                    stack.handlerRequest(action, desired, previous),
                    request -> stack.invokeRaw(request.toString().getBytes(StandardCharsets.UTF_8)),
                    answer -> answer.isProgressEvent() ? answer.json() : null);
            return answers.get(answers.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Lets requests a fault held finish, so their late effects count in the scenario that caused them. */
    private void awaitIdle() {
        try {
            if (!stack.emulator().awaitIdle(Duration.ofSeconds(30))) {
                problems.add("the local API Gateway V2 did not become idle");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ObjectNode identified(String key) {
        for (JsonNode response : responses(apiId, integrationId)) {
            if (key.equals(response.path("integrationResponseKey").asText())) {
                ObjectNode model = model(key)
                        .put(
                                "IntegrationResponseId",
                                response.get("integrationResponseId").asText());
                if (response.hasNonNull("templateSelectionExpression")) {
                    model.put(
                            "TemplateSelectionExpression",
                            response.get("templateSelectionExpression").asText());
                }
                if (response.hasNonNull("responseTemplates")
                        && !response.get("responseTemplates").isEmpty()) {
                    model.set("ResponseTemplates", response.get("responseTemplates"));
                }
                return model;
            }
        }
        throw new IllegalStateException("no integration response holds " + key);
    }

    // ---- state ----

    private JsonNode snapshot() {
        try {
            return mapper.readTree(stack.emulator().stateSnapshot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> responses(String api, String integration) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode apiJson : snapshot().path("apis")) {
            for (JsonNode integrationJson : apiJson.path("integrations")) {
                if (apiJson.path("apiId").asText().equals(api)
                        && integrationJson.path("integrationId").asText().equals(integration)) {
                    integrationJson.path("integrationResponses").forEach(found::add);
                }
            }
        }
        return found;
    }

    private long responsesWithKey(String key) {
        return responses(apiId, integrationId).stream()
                .filter(response ->
                        key.equals(response.path("integrationResponseKey").asText()))
                .count();
    }

    /** The whole state but the target integration's response with that key, as canonical JSON. */
    private String stateOutside(String targetKey) {
        JsonNode state = snapshot();
        if (targetKey != null) {
            for (JsonNode apiJson : state.path("apis")) {
                for (JsonNode integrationJson : apiJson.path("integrations")) {
                    if (!integrationJson.path("integrationId").asText().equals(integrationId)) {
                        continue;
                    }
                    Iterator<JsonNode> each = ((ArrayNode) integrationJson.path("integrationResponses")).elements();
                    while (each.hasNext()) {
                        if (targetKey.equals(
                                each.next().path("integrationResponseKey").asText())) {
                            each.remove();
                        }
                    }
                }
            }
        }
        return state.toString();
    }

    /**
     * Responses that should not exist: more than one for a key, one left behind by a create that
     * reported failure, or one other than the create reported.
     */
    private long duplicateResources() {
        long duplicates = 0;
        for (JsonNode apiJson : snapshot().path("apis")) {
            for (JsonNode integrationJson : apiJson.path("integrations")) {
                Map<String, Long> byKey = new HashMap<>();
                integrationJson
                        .path("integrationResponses")
                        .forEach(response -> byKey.merge(
                                response.path("integrationResponseKey").asText(), 1L, Long::sum));
                duplicates +=
                        byKey.values().stream().mapToLong(count -> count - 1).sum();
            }
        }
        for (String key : keysOfFailedCreates) {
            duplicates += responsesWithKey(key);
        }
        for (Map.Entry<String, String> create : idsOfCreates.entrySet()) {
            boolean reported = responses(apiId, integrationId).stream()
                    .anyMatch(response -> create.getKey()
                                    .equals(response.path("integrationResponseKey")
                                            .asText())
                            && create.getValue()
                                    .equals(response.path("integrationResponseId")
                                            .asText()));
            if (!reported && responsesWithKey(create.getKey()) > 0) {
                duplicates++;
            }
        }
        return duplicates;
    }

    // ---- bad input ----

    /** [tried, mishandled] */
    private long[] badInputs(int count) {
        BadInputs inputs = new BadInputs(
                stack, new BadInputs.Fixture(apiId, integrationId, siblingId, otherApiId, otherIntegrationId));
        Random random = new Random(seed);
        String before = stack.emulator().stateSnapshot();
        long mishandled = 0;
        for (int i = 0; i < count; i++) {
            BadInput input = inputs.draw(random);
            String problem = BadInputs.mishandling(input, stack.invokeRaw(input.function(), input.payload()));
            if (problem != null) {
                mishandled++;
                if (mishandled <= 10) {
                    problems.add("bad input " + input + ": " + problem);
                }
            }
        }
        if (!before.equals(stack.emulator().stateSnapshot())) {
            problems.add("bad inputs changed the state of the local API Gateway V2");
            mishandled++;
        }
        return new long[] {count, mishandled};
    }

    // ---- concurrency ----

    private int parallelLifecycles() {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL_LIFECYCLES);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < PARALLEL_LIFECYCLES; i++) {
                int lifecycle = i;
                results.add(threads.submit(() -> lifecycle(lifecycle)));
            }
            int ok = 0;
            for (Future<Boolean> result : results) {
                ok += result.get() ? 1 : 0;
            }
            Map<String, JsonNode> finalState = new LinkedHashMap<>();
            responses(apiId, parallelIntegrationId)
                    .forEach(response -> finalState.put(
                            response.path("integrationResponseKey").asText(), response));
            Set<String> expectedKeys = new HashSet<>();
            for (int i = 0; i < PARALLEL_LIFECYCLES; i += 2) {
                expectedKeys.add("/c" + i + "/");
                JsonNode response = finalState.get("/c" + i + "/");
                if (response == null
                        || !Objects.equals(
                                response.path("responseTemplates")
                                        .path("application/json")
                                        .asText(),
                                "updated-" + i)) {
                    problems.add("lifecycle " + i + " did not end in the state it asked for: " + response);
                }
            }
            if (!finalState.keySet().equals(expectedKeys)) {
                problems.add("after the parallel lifecycles the integration holds " + finalState.keySet());
            }
            return ok;
        } catch (Exception e) {
            problems.add("parallel lifecycles: " + e);
            return 0;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Create, read, update, read, list; the odd ones also delete and read back NotFound. */
    private boolean lifecycle(int i) {
        String key = "/c" + i + "/";
        ObjectNode desired = nodes.objectNode()
                .put("ApiId", apiId)
                .put("IntegrationId", parallelIntegrationId)
                .put("IntegrationResponseKey", key);
        desired.putObject("ResponseTemplates").put("application/json", "created-" + i);
        List<Supplier<Boolean>> steps = new ArrayList<>();
        ObjectNode[] current = new ObjectNode[1];
        steps.add(() -> {
            Answer created = stack.invoke("CREATE", desired);
            current[0] = created.model() == null ? null : (ObjectNode) created.model();
            return SUCCESS.equals(created.status()) && sameProperties(desired, current[0]);
        });
        steps.add(() ->
                sameProperties(current[0], stack.invoke("READ", current[0]).model()));
        steps.add(() -> {
            ObjectNode updated = current[0].deepCopy();
            updated.putObject("ResponseTemplates").put("application/json", "updated-" + i);
            updated.put("TemplateSelectionExpression", "\\$default");
            Answer answer = stack.invoke("UPDATE", updated, current[0]);
            boolean ok = SUCCESS.equals(answer.status()) && sameProperties(updated, answer.model());
            current[0] = updated;
            return ok;
        });
        steps.add(() ->
                sameProperties(current[0], stack.invoke("READ", current[0]).model()));
        steps.add(() -> {
            Answer listed = stack.invoke(
                    "LIST", nodes.objectNode().put("ApiId", apiId).put("IntegrationId", parallelIntegrationId));
            for (JsonNode model : listed.json().path("resourceModels")) {
                if (sameProperties(current[0], model)) {
                    return true;
                }
            }
            return false;
        });
        if (i % 2 == 1) {
            steps.add(() -> SUCCESS.equals(stack.invoke("DELETE", current[0]).status()));
            steps.add(() -> "NotFound".equals(stack.invoke("READ", current[0]).errorCode()));
        }
        for (int step = 0; step < steps.size(); step++) {
            if (!steps.get(step).get()) {
                problems.add("lifecycle " + i + " failed at step " + (step + 1));
                return false;
            }
        }
        return true;
    }

    /** Whether the actual model holds every property the desired one sets, with the same values. */
    private static boolean sameProperties(JsonNode desired, JsonNode actual) {
        if (desired == null || actual == null) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = desired.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(actual.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
