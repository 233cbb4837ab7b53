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
 * life (CREATE, READ, UPDATE, READ, LIST every page, DELETE, READ, DELETE; each READ also by identifier
 * alone, as Cloud Control reads), printing one line per step and collecting every break of the
 * resource contract.
 */
public final class Lifecycle {
    private static final int MAX_LIST_PAGES = 10_000;

    private final LambdaInvoker invoker;
    private final HandlerRequests requests;
    private final PrintStream out;
    private final ContractChecks checks = new ContractChecks();
    private final CloudFormationDriver driver = new CloudFormationDriver();

    private final String label;

    public Lifecycle(final LambdaInvoker invoker, final HandlerRequests requests, final PrintStream out) {
        this(invoker, requests, out, "");
    }

    /** @param label what each step line and break starts with, e.g. a template resource's logical id */
    public Lifecycle(
            final LambdaInvoker invoker, final HandlerRequests requests, final PrintStream out, final String label) {
        this.invoker = invoker;
        this.requests = requests;
        this.out = out;
        this.label = label.isEmpty() ? "" : label + " ";
    }

    /**
     * The handler refused an input (its CREATE failed with an error code that blames the request): a
     * mistake in the template or inputs, not a break of the contract.
     */
    public static final class InputRefused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InputRefused(final String message) {
            super(message);
        }
    }

    /** The error codes with which a handler says the request, not the handler, is wrong. */
    private static final java.util.Set<String> INPUT_ERRORS =
            java.util.Set.of("InvalidRequest", "NotFound", "AlreadyExists");

    /**
     * Runs every step as {@code cfn test} checks them and returns the contract's breaks, empty when it
     * held: READ with the model CloudFormation knows, LIST matched by primary identifier. Beside them,
     * each READ is made again with the identifier alone, as Cloud Control reads, and compared with what
     * was set, where the service holds an empty map or string as unset.
     *
     * @throws InputRefused when the CREATE fails because of its input
     */
    public List<String> run(final JsonNode createInput, final JsonNode updateInput)
            throws IOException, InterruptedException {
        final Result create = step("CREATE", createInput, null, null);
        if ("FAILED".equals(create.status()) && INPUT_ERRORS.contains(create.errorCode())) {
            throw new InputRefused("the handler refused the input: CREATE failed " + create.errorCode() + ": "
                    + create.event().path("message").asText() + " (input " + createInput + ")");
        }
        final JsonNode created = create.model();
        checks.expectSameProperties("CREATE", createInput, created);
        if (created == null) {
            return violations();
        }
        final ObjectNode identifier = ContractChecks.identifierOf(created);
        checks.expectEqual(
                "READ after CREATE", created, step("READ", created, null, null).model());
        expectReadByIdentifier("after CREATE", identifier, createInput);

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
                step("READ", updated != null ? updated : desired, null, null).model());
        expectReadByIdentifier("after UPDATE", identifier, updateInput);

        expectListed(identifier, true);

        final Result deleted = step("DELETE", identifier, null, null);
        if (deleted.event().has("resourceModel")) {
            checks.broken("DELETE returned a model");
        }
        expectFailure(step("READ", identifier, null, null), "NotFound", "READ after DELETE");
        expectFailure(step("DELETE", identifier, null, null), "NotFound", "DELETE after DELETE");
        return violations();
    }

    /** {@code cfn test}'s invalid-input check: a CREATE of the input must fail InvalidRequest. */
    public List<String> runInvalid(final JsonNode invalidInput) throws IOException, InterruptedException {
        final Result refused = step("CREATE", invalidInput, null, null);
        if (!"FAILED".equals(refused.status()) || !"InvalidRequest".equals(refused.errorCode())) {
            checks.broken("CREATE of the invalid input should fail InvalidRequest but answered " + refused.event());
            if (refused.model() != null) {
                step("DELETE", ContractChecks.identifierOf(refused.model()), null, null);
            }
        }
        return violations();
    }

    /** A READ with the primary identifier alone: what Cloud Control's GetResource shows. */
    private void expectReadByIdentifier(final String when, final ObjectNode identifier, final JsonNode set)
            throws IOException, InterruptedException {
        final JsonNode read = step("READ", identifier, null, null).model();
        if (read == null) {
            checks.broken("READ by identifier " + when + " returned no model");
            return;
        }
        checks.expectSetAsGiven("READ by identifier " + when, set, read);
    }

    /** Lists every page; the resource's primary identifier must (or must not) be among the models'. */
    public void expectListed(final JsonNode identifier, final boolean listed) throws IOException, InterruptedException {
        final ObjectNode scope = ContractChecks.parentsOf(identifier);
        final List<JsonNode> identifiers = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            final Result page = step("LIST", scope, null, nextToken);
            page.event().path("resourceModels").forEach(model -> identifiers.add(ContractChecks.identifierOf(model)));
            nextToken = page.event().hasNonNull("nextToken")
                    ? page.event().get("nextToken").asText()
                    : null;
        } while (nextToken != null && ++pages < MAX_LIST_PAGES);
        if (identifiers.contains(ContractChecks.identifierOf(identifier)) != listed) {
            checks.broken("LIST " + (listed ? "does not contain " : "still contains ") + identifier);
        }
    }

    /** Every break found so far, each starting with the label. */
    public List<String> violations() {
        return checks.violations().stream().map(violation -> label + violation).toList();
    }

    /** One handler request, printed, with the checks every progress event must pass. */
    public Result step(final String action, final JsonNode desired, final JsonNode previous, final String nextToken)
            throws IOException, InterruptedException {
        final long start = System.nanoTime();
        final List<JsonNode> events = driver.run(invoker, requests.request(action, desired, previous, nextToken));
        final long millis = (System.nanoTime() - start) / 1_000_000;
        final Result result = new Result(action, events.get(events.size() - 1), millis);
        out.println(label + result.line());
        for (final JsonNode event : events) {
            CloudFormationDriver.breaksOf(action, event).forEach(checks::broken);
        }
        return result;
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
