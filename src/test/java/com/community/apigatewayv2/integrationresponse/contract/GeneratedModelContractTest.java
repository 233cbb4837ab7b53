package com.community.apigatewayv2.integrationresponse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.community.apigatewayv2.integrationresponse.contract.SchemaModels.Change;
import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.stack.CloudFormationDriver;
import com.community.apigatewayv2.integrationresponse.local.stack.ContractChecks;
import com.community.apigatewayv2.integrationresponse.local.stack.HandlerRequests;
import com.community.apigatewayv2.integrationresponse.local.stack.LocalDeployment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * The resource contract as the CloudFormation CLI's {@code cfn test} checks it, over models generated
 * from {@code resource-schema.json} ({@link SchemaModels}), each through the local Lambda endpoint
 * into the handler against the local API Gateway V2: CREATE, READ, UPDATE to a second model, READ,
 * LIST every page, DELETE, READ.
 *
 * <p>READ is sent the model the last CREATE or UPDATE answered, as CloudFormation and {@code cfn
 * test} send it. Each try gets its own API and integration holding {@value #SIBLINGS} responses made
 * before the resource, and the emulator pages by {@value #PAGE_SIZE}, so the resource is only ever
 * found on a second page. A failure shows the shrunk pair of models and every answer of the try.
 */
class GeneratedModelContractTest {
    static final int TRIES = 300;
    static final int PAGE_SIZE = 2;
    static final int SIBLINGS = 2;
    private static final int MAX_PAGES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CloudFormationDriver DRIVER = new CloudFormationDriver();
    private static final AtomicInteger TRIED = new AtomicInteger();

    private static SchemaModels schema;
    private static LocalDeployment stack;
    private static ApiGatewayV2Client prerequisitesClient;
    private static LambdaInvoker invoker;
    private static HandlerRequests requests;

    @BeforeContainer
    static void startOneStackForEveryTry() throws IOException {
        schema = SchemaModels.from(Path.of("resource-schema.json"));
        stack = LocalDeployment.start(
                false, null, 0, 0, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        stack.apiGateway().setDefaultPageSize(PAGE_SIZE);
        prerequisitesClient = stack.prerequisitesClient();
        invoker = new LambdaInvoker(stack.lambdaUri());
        requests = stack.requests();
    }

    @AfterContainer
    static void everyTryRan() {
        try {
            assertThat(TRIED.get()).isGreaterThanOrEqualTo(TRIES);
        } finally {
            prerequisitesClient.close();
            stack.close();
        }
    }

    @Provide
    Arbitrary<Change> changes() {
        return schema.changes();
    }

    @Property(tries = TRIES)
    void everyGeneratedModelKeepsTheContract(@ForAll("changes") final Change change) throws Exception {
        TRIED.incrementAndGet();
        classify(change);
        final LocalDeployment.Prerequisites parents = stack.createPrerequisites(prerequisitesClient, "generated");
        try {
            final Try run = new Try(parents);
            run.lifecycle(change);
            assertThat(run.violations)
                    .as("%s%nanswers:%n%s", change, String.join(System.lineSeparator(), run.answers))
                    .isEmpty();
        } finally {
            stack.deletePrerequisites(prerequisitesClient, parents);
        }
    }

    /** The updates the suite is for, each required in a share of the tries. */
    private static void classify(final Change change) {
        final Map<String, Object> before = change.create().properties();
        final Map<String, Object> after = change.update().properties();
        Statistics.label("UPDATE removes a map key")
                .collect(before.entrySet().stream()
                        .anyMatch(property -> property.getValue() instanceof Map<?, ?> map
                                && after.get(property.getKey()) instanceof Map<?, ?> kept
                                && !kept.keySet().containsAll(map.keySet())));
        Statistics.label("UPDATE drops a property").collect(!after.keySet().containsAll(before.keySet()));
        Statistics.label("UPDATE changes the key")
                .collect(!before.get("IntegrationResponseKey").equals(after.get("IntegrationResponseKey")));
        for (final String label :
                List.of("UPDATE removes a map key", "UPDATE drops a property", "UPDATE changes the key")) {
            Statistics.label(label).coverage(check -> check.check(true).percentage(share -> share > 5));
        }
    }

    /** One lifecycle: every answer, and every break of the contract it showed. */
    private static final class Try {
        private final LocalDeployment.Prerequisites parents;
        private final List<String> answers = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();

        Try(final LocalDeployment.Prerequisites parents) {
            this.parents = parents;
        }

        void lifecycle(final Change change) throws IOException, InterruptedException {
            final Set<String> siblings = createSiblings(change);
            final ObjectNode createInput = change.create().json(parents.apiId(), parents.integrationId());
            final JsonNode created = succeeded("CREATE", call("CREATE", createInput, null, null));
            if (created == null) {
                return;
            }
            expectHoldsExactly("CREATE", createInput, created);
            expectEqual("READ after CREATE", created, succeeded("READ", call("READ", created, null, null)));

            final ObjectNode updateInput = change.update().json(parents.apiId(), parents.integrationId());
            final ObjectNode desired = updateInput.deepCopy().put("IntegrationResponseId", id(created));
            final JsonNode updated = succeeded("UPDATE", call("UPDATE", desired, created, null));
            if (updated == null) {
                return;
            }
            expectHoldsExactly("UPDATE", updateInput, updated);
            expectEqual(
                    "the primary identifier after UPDATE",
                    ContractChecks.identifierOf(created),
                    ContractChecks.identifierOf(updated));
            expectEqual("READ after UPDATE", updated, succeeded("READ", call("READ", updated, null, null)));

            expectListedOnce(updated, siblings);

            final JsonNode deleted = call("DELETE", ContractChecks.identifierOf(created), null, null);
            if (!"SUCCESS".equals(deleted.path("status").asText()) || deleted.has("resourceModel")) {
                violations.add("DELETE should succeed without a model but answered " + deleted);
            }
            final JsonNode readAfterDelete = call("READ", updated, null, null);
            if (!"FAILED".equals(readAfterDelete.path("status").asText())
                    || !"NotFound".equals(readAfterDelete.path("errorCode").asText())) {
                violations.add("READ after DELETE should fail NotFound but answered " + readAfterDelete);
            }
        }

        /** Responses the integration holds before the resource, with keys the change does not use. */
        private Set<String> createSiblings(final Change change) {
            final Set<Object> taken = new HashSet<>();
            taken.add(change.create().properties().get("IntegrationResponseKey"));
            taken.add(change.update().properties().get("IntegrationResponseKey"));
            final Set<String> ids = new HashSet<>();
            for (int i = 1; i <= SIBLINGS; i++) {
                String key = "/sibling-" + i + "/";
                while (taken.contains(key)) {
                    key = key.replace("/sibling", "/sibling-");
                }
                final String siblingKey = key;
                ids.add(prerequisitesClient
                        .createIntegrationResponse(r -> r.apiId(parents.apiId())
                                .integrationId(parents.integrationId())
                                .integrationResponseKey(siblingKey))
                        .integrationResponseId());
            }
            return ids;
        }

        /** Every page: the resource and each sibling exactly once, on at least two pages, no token twice. */
        private void expectListedOnce(final JsonNode resource, final Set<String> siblings)
                throws IOException, InterruptedException {
            final ObjectNode scope =
                    JSON.createObjectNode().put("ApiId", parents.apiId()).put("IntegrationId", parents.integrationId());
            final Map<String, JsonNode> listed = new LinkedHashMap<>();
            final Set<String> tokens = new HashSet<>();
            String token = null;
            int pages = 0;
            do {
                final JsonNode page = call("LIST", scope, null, token);
                pages++;
                if (!"SUCCESS".equals(page.path("status").asText())) {
                    violations.add("LIST page " + pages + " did not succeed: " + page);
                    return;
                }
                for (final JsonNode model : page.path("resourceModels")) {
                    if (listed.put(id(model), model) != null) {
                        violations.add("LIST returned " + id(model) + " twice");
                    }
                }
                token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
                if (token != null && !tokens.add(token)) {
                    violations.add("LIST answered the token " + token + " a second time: the pages never end");
                    return;
                }
            } while (token != null && pages < MAX_PAGES);
            if (token != null) {
                violations.add("LIST still had a next page after " + MAX_PAGES + " pages");
            }
            if (pages < 2) {
                violations.add(
                        "LIST answered " + pages + " page for " + (SIBLINGS + 1) + " responses paged by " + PAGE_SIZE);
            }
            final Set<String> expected = new HashSet<>(siblings);
            expected.add(id(resource));
            if (!listed.keySet().equals(expected)) {
                violations.add("LIST returned the ids " + listed.keySet() + ", expected " + expected);
            }
            final JsonNode listedResource = listed.get(id(resource));
            if (listedResource != null && !withoutEmptyValues(listedResource).equals(withoutEmptyValues(resource))) {
                violations.add("LIST shows the resource as " + listedResource + ", READ as " + resource);
            }
        }

        /** One handler request, re-invoked while IN_PROGRESS as CloudFormation does; checks every event. */
        private JsonNode call(final String action, final JsonNode desired, final JsonNode previous, final String token)
                throws IOException, InterruptedException {
            final ObjectNode request = requests.request(action, desired, previous, token);
            final List<JsonNode> events = DRIVER.run(invoker, request);
            for (final JsonNode event : events) {
                answers.add(action + " " + event);
                violations.addAll(CloudFormationDriver.breaksOf(action, event));
            }
            return events.get(events.size() - 1);
        }

        private JsonNode succeeded(final String action, final JsonNode event) {
            if (!"SUCCESS".equals(event.path("status").asText()) || !event.hasNonNull("resourceModel")) {
                violations.add(action + " should succeed with a model but answered " + event);
                return null;
            }
            return event.get("resourceModel");
        }

        /** Every input property with the same value, empty maps and strings included, and nothing else. */
        private void expectHoldsExactly(final String action, final JsonNode input, final JsonNode answered) {
            final ObjectNode withoutId = answered.deepCopy();
            withoutId.remove("IntegrationResponseId");
            if (!withoutId.equals(input)) {
                violations.add(action + " answered " + withoutId + " for the input " + input);
            }
        }

        private void expectEqual(final String what, final JsonNode expected, final JsonNode actual) {
            if (actual != null && !expected.equals(actual)) {
                violations.add(what + ": " + actual + ", expected " + expected);
            }
        }

        private static String id(final JsonNode model) {
            return model.path("IntegrationResponseId").asText();
        }

        /** A list has no request to follow, so it shows the service's view: empty and absent alike. */
        private static JsonNode withoutEmptyValues(final JsonNode model) {
            final ObjectNode copy = model.deepCopy();
            for (final Iterator<JsonNode> values = copy.elements(); values.hasNext(); ) {
                final JsonNode value = values.next();
                if (value.isTextual() && value.asText().isEmpty() || value.isObject() && value.isEmpty()) {
                    values.remove();
                }
            }
            return copy;
        }
    }
}
