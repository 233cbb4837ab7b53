package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plays one contract tests v2 input set through a Cloud Control API: CreateResource with CreateInputs,
 * GetResource, UpdateResource with PatchInputs, GetResource, ListResources under both parents,
 * DeleteResource, GetResource; each operation awaited to its end, one progress line each, and the
 * resource contract checked at every step (see {@link ContractChecks}). Cloud Control gives the
 * handler's answer (the ProgressEvent's model), not the model the handler was given, so only the
 * checks that need no more apply.
 */
public final class ContractTestsV2 {
    /** How long one operation may take; the local handler's take well under a second. */
    private static final Duration OPERATION_LIMIT = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIST_PAGES = 10_000;

    private final CloudControlCalls cloudControl;
    private final PrintStream progress;

    /**
     * @param cloudControl the Cloud Control API's URL, e.g. the local one's
     * @param progress where each operation's line goes
     */
    public ContractTestsV2(final String cloudControl, final PrintStream progress) {
        this.cloudControl = new CloudControlCalls(cloudControl, ResourceModel.TYPE_NAME, OPERATION_LIMIT);
        this.progress = progress;
    }

    /** Runs every step of one set and returns the contract's breaks, empty when it held. */
    public List<String> run(final ContractInputsV2 set) throws IOException, InterruptedException {
        final ContractChecks checks = new ContractChecks();
        final CloudControlCalls.Answer create = await(
                set, "CreateResource", change().put("DesiredState", set.create().toString()));
        if (!CloudControlCalls.succeeded(create)) {
            checks.broken(create.failure());
            return checks.violations();
        }
        // the handler's answer to CreateInputs, which it was given as they are
        final JsonNode created = model(create.event().path("ResourceModel"));
        checks.expectIdentified("CreateResource", created);
        checks.expectNoWriteOnly("CreateResource", created);
        checks.expectSameProperties("CreateResource", set.create(), created);
        final ObjectNode identifier = ContractChecks.identifierOf(created);
        final String id = create.event().path("Identifier").asText();
        if (!id.equals(String.join("|", values(identifier)))) {
            checks.broken("CreateResource's Identifier " + id + " is not its model's primary identifier " + identifier);
        }
        exercise(set, checks, id, identifier, created);
        final CloudControlCalls.Answer delete = await(set, "DeleteResource", change().put("Identifier", id));
        if (!CloudControlCalls.succeeded(delete)) {
            checks.broken(delete.failure());
        }
        final CloudControlCalls.Answer gone = get(set, id);
        if (!"ResourceNotFoundException".equals(gone.errorType())) {
            checks.broken("GetResource after DeleteResource should answer ResourceNotFoundException but "
                    + (gone.ok() ? "read " + gone.body().path("ResourceDescription") : gone.failure()));
        }
        return checks.violations();
    }

    /** The steps between CreateResource and DeleteResource; a failed one ends them. */
    private void exercise(
            final ContractInputsV2 set,
            final ContractChecks checks,
            final String id,
            final ObjectNode identifier,
            final JsonNode created)
            throws IOException, InterruptedException {
        final JsonNode read = read(set, checks, "GetResource after CreateResource", id, identifier, created);
        if (read == null) {
            return;
        }
        // a read by identifier alone shows what the service holds, where ResponseTemplates: {} or
        // TemplateSelectionExpression: "" is unset: equal with empty and unset the same, and nothing left over
        checks.expectSetAsGiven("GetResource after CreateResource", set.create(), read);

        final CloudControlCalls.Answer update = await(
                set,
                "UpdateResource",
                change().put("Identifier", id).put("PatchDocument", set.patch().toString()));
        if (!CloudControlCalls.succeeded(update)) {
            checks.broken(update.failure()
                    + (update.body().path("Message").asText("").startsWith("Invalid patch update")
                            ? " (Cloud Control patches what GetResource reads, where an empty map or string is unset)"
                            : ""));
            return;
        }
        final ObjectNode patched = set.patched();
        final JsonNode updated = model(update.event().path("ResourceModel"));
        checks.expectIdentified("UpdateResource", updated);
        checks.expectNoWriteOnly("UpdateResource", updated);
        checks.expectSameIdentifier("UpdateResource", identifier, updated);
        checks.expectCreateOnlyUnchanged("UpdateResource", created, updated);
        checks.expectSetAsGiven("UpdateResource", patched, updated);

        final JsonNode reread = read(set, checks, "GetResource after UpdateResource", id, identifier, created);
        if (reread == null) {
            return;
        }
        checks.expectSetAsGiven("GetResource after UpdateResource", patched, reread);
        expectListed(set, checks, id, identifier);
    }

    /** GetResource, with the checks every read takes; null (and a break) when it fails. */
    private JsonNode read(
            final ContractInputsV2 set,
            final ContractChecks checks,
            final String step,
            final String id,
            final ObjectNode identifier,
            final JsonNode created)
            throws IOException, InterruptedException {
        final CloudControlCalls.Answer answer = get(set, id);
        if (!answer.ok()) {
            checks.broken(step + ": " + answer.failure());
            return null;
        }
        final JsonNode description = answer.body().path("ResourceDescription");
        final JsonNode model = model(description.path("Properties"));
        if (!id.equals(description.path("Identifier").asText())) {
            checks.broken(step + " answered the Identifier " + description.path("Identifier") + ", not " + id);
        }
        checks.expectIdentified(step, model);
        checks.expectNoWriteOnly(step, model);
        checks.expectSameIdentifier(step, identifier, model);
        checks.expectCreateOnlyUnchanged(step, created, model);
        return model;
    }

    /** ListResources under the resource's API and integration, every page: the resource must be there. */
    private void expectListed(
            final ContractInputsV2 set, final ContractChecks checks, final String id, final ObjectNode identifier)
            throws IOException, InterruptedException {
        final ObjectNode parents = ContractChecks.parentsOf(identifier);
        final List<String> listed = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            final ObjectNode body = cloudControl.body().put("ResourceModel", parents.toString());
            if (nextToken != null) {
                body.put("NextToken", nextToken);
            }
            final CloudControlCalls.Answer page = logged(set, cloudControl.call("ListResources", body));
            if (!page.ok()) {
                checks.broken(page.failure());
                return;
            }
            for (final JsonNode description : page.body().path("ResourceDescriptions")) {
                checks.expectIdentified("ListResources", model(description.path("Properties")));
                listed.add(description.path("Identifier").asText());
            }
            nextToken = page.body().hasNonNull("NextToken")
                    ? page.body().get("NextToken").asText()
                    : null;
        } while (nextToken != null && ++pages < MAX_LIST_PAGES);
        if (!listed.contains(id)) {
            checks.broken("ListResources under " + parents + " does not list " + id + ", only " + listed);
        }
    }

    /** The body of a request that changes the resource: a client token of its own, as the SDKs send one. */
    private ObjectNode change() {
        return cloudControl.body().put("ClientToken", UUID.randomUUID().toString());
    }

    private CloudControlCalls.Answer get(final ContractInputsV2 set, final String id)
            throws IOException, InterruptedException {
        return logged(set, cloudControl.call("GetResource", cloudControl.body().put("Identifier", id)));
    }

    private CloudControlCalls.Answer await(final ContractInputsV2 set, final String operation, final ObjectNode body)
            throws IOException, InterruptedException {
        return logged(set, cloudControl.finished(cloudControl.call(operation, body)));
    }

    /** One progress line: the set, the operation, how it ended and how long it took. */
    private CloudControlCalls.Answer logged(final ContractInputsV2 set, final CloudControlCalls.Answer answer) {
        final String outcome = !answer.ok()
                ? answer.errorType()
                : answer.event().has("OperationStatus")
                        ? answer.event().path("OperationStatus").asText()
                        : "OK";
        progress.println(
                String.format("%-9s %-16s %-27s %6d ms", set.name(), answer.operation(), outcome, answer.millis()));
        return answer;
    }

    /** A model Cloud Control carries as a JSON string; an empty object when there is none. */
    private static JsonNode model(final JsonNode text) throws IOException {
        final JsonNode model = text.isTextual() ? JSON.readTree(text.asText()) : null;
        return model != null && model.isObject() ? model : JSON.createObjectNode();
    }

    private static List<String> values(final ObjectNode identifier) {
        final List<String> values = new ArrayList<>();
        identifier.elements().forEachRemaining(value -> values.add(value.asText()));
        return values;
    }
}
