package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the handler through its Lambda entry point the way CloudFormation does over a resource's
 * life (CREATE, READ, UPDATE, READ, LIST every page, DELETE, READ, DELETE), printing one line per
 * step and collecting every break of the resource contract.
 */
public final class Lifecycle {
    private static final int MAX_LIST_PAGES = 10_000;

    private final LambdaInvoker invoker;
    private final HandlerRequests requests;
    private final PrintStream out;
    private final ContractChecks checks = new ContractChecks();

    public Lifecycle(final LambdaInvoker invoker, final HandlerRequests requests, final PrintStream out) {
        this.invoker = invoker;
        this.requests = requests;
        this.out = out;
    }

    /** Runs every step and returns the contract's breaks, empty when it held. */
    public List<String> run(final JsonNode createInput, final JsonNode updateInput)
            throws IOException, InterruptedException {
        final JsonNode created = step("CREATE", createInput, null, null).model();
        checks.expectSameProperties("CREATE", createInput, created);
        if (created == null) {
            return violations();
        }
        final ObjectNode identifier = checks.identifierOf(created);
        checks.expectEqual(
                "READ after CREATE",
                created,
                step("READ", identifier, null, null).model());

        final ObjectNode desired = ((ObjectNode) updateInput.deepCopy())
                .put(
                        "IntegrationResponseId",
                        created.path("IntegrationResponseId").asText());
        final JsonNode updated = step("UPDATE", desired, created, null).model();
        checks.expectSameProperties("UPDATE", updateInput, updated);
        if (updated != null) {
            checks.expectSameIdentifier("UPDATE", identifier, updated);
        }
        checks.expectEqual(
                "READ after UPDATE",
                updated,
                step("READ", identifier, null, null).model());

        expectListed(identifier, updated, true);

        final Result deleted = step("DELETE", identifier, null, null);
        if (deleted.event().has("resourceModel")) {
            checks.broken("DELETE returned a model");
        }
        expectFailure(step("READ", identifier, null, null), "NotFound", "READ after DELETE");
        expectFailure(step("DELETE", identifier, null, null), "NotFound", "DELETE after DELETE");
        return violations();
    }

    /** Lists every page; the resource must (or must not) be among the models. */
    public void expectListed(final JsonNode identifier, final JsonNode model, final boolean listed)
            throws IOException, InterruptedException {
        final ObjectNode scope = ContractChecks.parentsOf(identifier);
        final List<JsonNode> models = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            final Result page = step("LIST", scope, null, nextToken);
            page.event().path("resourceModels").forEach(models::add);
            nextToken = page.event().hasNonNull("nextToken")
                    ? page.event().get("nextToken").asText()
                    : null;
        } while (nextToken != null && ++pages < MAX_LIST_PAGES);
        if (models.contains(model) != listed) {
            checks.broken("LIST " + (listed ? "does not contain " : "still contains ") + model);
        }
    }

    public List<String> violations() {
        return checks.violations();
    }

    /** One handler request, printed, with the checks every progress event must pass. */
    public Result step(final String action, final JsonNode desired, final JsonNode previous, final String nextToken)
            throws IOException, InterruptedException {
        final long start = System.nanoTime();
        final List<JsonNode> events = "READ".equals(action) || "LIST".equals(action)
                ? List.of(invoker.invoke(
                        LambdaInvoker.TYPE_FUNCTION, requests.request(action, desired, previous, nextToken)))
                : invoker.invokeUntilDone(requests.request(action, desired, previous, nextToken));
        final long millis = (System.nanoTime() - start) / 1_000_000;
        final Result result = new Result(action, events.get(events.size() - 1), millis);
        out.println(result.line());
        for (final JsonNode event : events) {
            checkEvent(action, event);
        }
        return result;
    }

    private void checkEvent(final String action, final JsonNode event) {
        final String status = event.path("status").asText();
        switch (status) {
            case "SUCCESS" -> {
                final List<JsonNode> models = new ArrayList<>();
                if (event.hasNonNull("resourceModel")) {
                    models.add(event.get("resourceModel"));
                }
                event.path("resourceModels").forEach(models::add);
                models.forEach(model -> checks.expectIdentified(action, model));
            }
            case "FAILED" -> {
                if (event.hasNonNull("resourceModel") || event.hasNonNull("resourceModels")) {
                    checks.broken(action + " FAILED with a model: " + event);
                }
                if (event.path("errorCode").asText("").isEmpty()
                        || event.path("message").asText("").isEmpty()) {
                    checks.broken(action + " FAILED without an error code and message: " + event);
                }
            }
            case "IN_PROGRESS" -> {
                if ("READ".equals(action) || "LIST".equals(action)) {
                    checks.broken(action + " returned IN_PROGRESS");
                }
            }
            default -> checks.broken(action + " returned an event with status '" + status + "': " + event);
        }
    }

    private void expectFailure(final Result result, final String errorCode, final String what) {
        if (!"FAILED".equals(result.status()) || !errorCode.equals(result.errorCode())) {
            checks.broken(what + " should fail " + errorCode + " but answered " + result.event());
        }
    }

    /** The last progress event of one step. */
    public record Result(String action, JsonNode event, long millis) {
        public String status() {
            return event.path("status").asText();
        }

        public String errorCode() {
            return event.path("errorCode").asText("-");
        }

        public JsonNode model() {
            return event.get("resourceModel");
        }

        String line() {
            final JsonNode shown = event.has("resourceModels")
                    ? (ArrayNode) event.get("resourceModels")
                    : event.has("resourceModel") ? event.get("resourceModel") : null;
            final String detail = shown != null
                    ? shown.toString()
                    : "FAILED".equals(status()) ? event.path("message").asText() : "-";
            return String.format("%-7s %-11s %-16s %6d ms  %s", action, status(), errorCode(), millis, detail);
        }
    }
}
