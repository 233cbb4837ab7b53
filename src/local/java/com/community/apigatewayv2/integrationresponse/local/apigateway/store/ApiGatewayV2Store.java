package com.community.apigatewayv2.integrationresponse.local.apigateway.store;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * All emulated state, in memory. One read-write lock guards everything: reads run in parallel,
 * and every write (a key-uniqueness check together with its insert, a cascade delete) is atomic
 * with respect to every other request. Operations take microseconds, so one lock costs nothing
 * measurable and keeps the invariants obvious.
 */
public final class ApiGatewayV2Store {

    private static final class ApiState {
        final ApiRecord api;
        final Map<String, IntegrationState> integrations = new LinkedHashMap<>();

        ApiState(ApiRecord api) {
            this.api = api;
        }
    }

    private static final class IntegrationState {
        final IntegrationRecord integration;
        final Map<String, IntegrationResponseRecord> responses = new LinkedHashMap<>();

        IntegrationState(IntegrationRecord integration) {
            this.integration = integration;
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, ApiState> apis = new LinkedHashMap<>();
    /** Every identifier ever issued, so none is reused even after a delete. */
    private final Set<String> issuedIds = new HashSet<>();

    private final String accountId;
    private final String region;

    private long lastSequence;

    /**
     * @param accountId the account the APIs belong to, named in the service's not-found message
     * @param region the region the APIs are in, part of their endpoints
     */
    public ApiGatewayV2Store(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
    }

    // ---- APIs ----

    public ApiRecord createApi(ApiRecord.Spec spec) {
        return write(() -> {
            String apiId = ResourceIds.next(ResourceIds.API_ID_LENGTH, issuedIds);
            issuedIds.add(apiId);
            String scheme = ApiRecord.WEBSOCKET.equals(spec.protocolType()) ? "wss" : "https";
            ApiRecord api = new ApiRecord(
                    ++lastSequence, apiId, scheme + "://" + apiId + ".execute-api." + region + ".amazonaws.com", spec);
            apis.put(apiId, new ApiState(api));
            return api;
        });
    }

    public ApiRecord getApi(String apiId) {
        return read(() -> api(apiId).api);
    }

    public Page<ApiRecord> listApis(String nextToken, int maxResults) {
        return read(() -> page(
                apis.values().stream().map(state -> state.api).toList(),
                ApiRecord::sequence,
                "apis",
                nextToken,
                maxResults));
    }

    public void deleteApi(String apiId) {
        write(() -> {
            api(apiId);
            apis.remove(apiId);
            return null;
        });
    }

    // ---- integrations ----

    public IntegrationRecord createIntegration(String apiId, IntegrationRecord.Spec spec) {
        return write(() -> {
            ApiState api = api(apiId);
            String integrationId = ResourceIds.next(ResourceIds.CHILD_ID_LENGTH, issuedIds);
            issuedIds.add(integrationId);
            IntegrationRecord integration = new IntegrationRecord(++lastSequence, integrationId, spec);
            api.integrations.put(integrationId, new IntegrationState(integration));
            return integration;
        });
    }

    public IntegrationRecord getIntegration(String apiId, String integrationId) {
        return read(() -> integration(apiId, integrationId).integration);
    }

    public Page<IntegrationRecord> listIntegrations(String apiId, String nextToken, int maxResults) {
        return read(() -> page(
                api(apiId).integrations.values().stream()
                        .map(state -> state.integration)
                        .toList(),
                IntegrationRecord::sequence,
                "integrations/" + apiId,
                nextToken,
                maxResults));
    }

    public void deleteIntegration(String apiId, String integrationId) {
        write(() -> {
            integration(apiId, integrationId);
            api(apiId).integrations.remove(integrationId);
            return null;
        });
    }

    // ---- integration responses ----

    /** Draft of a new response: everything but the identifiers the store assigns. */
    public record IntegrationResponseDraft(
            String integrationResponseKey,
            String contentHandlingStrategy,
            Map<String, String> responseParameters,
            Map<String, String> responseTemplates,
            String templateSelectionExpression) {}

    public IntegrationResponseRecord createIntegrationResponse(
            String apiId, String integrationId, IntegrationResponseDraft draft) {
        return write(() -> {
            IntegrationState integration = integrationForResponses(apiId, integrationId);
            requireKeyFree(integration, draft.integrationResponseKey(), null);
            String id = ResourceIds.next(ResourceIds.CHILD_ID_LENGTH, issuedIds);
            issuedIds.add(id);
            IntegrationResponseRecord created = new IntegrationResponseRecord(
                    ++lastSequence,
                    id,
                    draft.integrationResponseKey(),
                    draft.contentHandlingStrategy(),
                    draft.responseParameters(),
                    draft.responseTemplates(),
                    draft.templateSelectionExpression());
            integration.responses.put(id, created);
            return created;
        });
    }

    public IntegrationResponseRecord getIntegrationResponse(String apiId, String integrationId, String responseId) {
        return read(() -> response(integrationForResponses(apiId, integrationId), responseId));
    }

    public Page<IntegrationResponseRecord> listIntegrationResponses(
            String apiId, String integrationId, String nextToken, int maxResults) {
        return read(() -> page(
                List.copyOf(
                        integrationForResponses(apiId, integrationId).responses.values()),
                IntegrationResponseRecord::sequence,
                "integrationresponses/" + apiId + "/" + integrationId,
                nextToken,
                maxResults));
    }

    /** Applies {@code change} to the stored response atomically; a key taken by another response is a 409. */
    public IntegrationResponseRecord updateIntegrationResponse(
            String apiId, String integrationId, String responseId, UnaryOperator<IntegrationResponseRecord> change) {
        return write(() -> {
            IntegrationState integration = integrationForResponses(apiId, integrationId);
            IntegrationResponseRecord updated = change.apply(response(integration, responseId));
            requireKeyFree(integration, updated.integrationResponseKey(), responseId);
            integration.responses.put(responseId, updated);
            return updated;
        });
    }

    public void deleteIntegrationResponse(String apiId, String integrationId, String responseId) {
        write(() -> {
            IntegrationState integration = integrationForResponses(apiId, integrationId);
            response(integration, responseId);
            integration.responses.remove(responseId);
            return null;
        });
    }

    // ---- snapshot ----

    /** Every resource, ordered by identifier, so equal state always gives equal JSON. */
    public ObjectNode snapshot() {
        return read(() -> {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode apiArray = root.putArray("apis");
            apis.values().stream()
                    .sorted(Comparator.comparing(state -> state.api.apiId()))
                    .forEach(api -> {
                        ObjectNode apiJson = api.api.toJson();
                        ArrayNode integrationArray = apiJson.putArray("integrations");
                        api.integrations.values().stream()
                                .sorted(Comparator.comparing(state -> state.integration.integrationId()))
                                .forEach(integration -> {
                                    ObjectNode integrationJson = integration.integration.toJson();
                                    ArrayNode responseArray = integrationJson.putArray("integrationResponses");
                                    integration.responses.values().stream()
                                            .sorted(Comparator.comparing(
                                                    IntegrationResponseRecord::integrationResponseId))
                                            .forEach(response -> responseArray.add(response.toJson()));
                                    integrationArray.add(integrationJson);
                                });
                        apiArray.add(apiJson);
                    });
            return root;
        });
    }

    // ---- lookups; callers hold the lock ----

    private ApiState api(String apiId) {
        ApiState api = apis.get(apiId);
        if (api == null) {
            throw ServiceException.notFound("Invalid API identifier specified " + accountId + ":" + apiId);
        }
        return api;
    }

    private IntegrationState integration(String apiId, String integrationId) {
        IntegrationState integration = api(apiId).integrations.get(integrationId);
        if (integration == null) {
            throw ServiceException.notFound("Invalid Integration identifier specified");
        }
        return integration;
    }

    /** The integration, after checking its API is one that has integration responses at all. */
    private IntegrationState integrationForResponses(String apiId, String integrationId) {
        IntegrationState integration = integration(apiId, integrationId);
        if (!api(apiId).api.isWebSocket()) {
            throw ServiceException.badRequest("Integration responses are supported only for WebSocket APIs");
        }
        return integration;
    }

    private static IntegrationResponseRecord response(IntegrationState integration, String responseId) {
        IntegrationResponseRecord response = integration.responses.get(responseId);
        if (response == null) {
            throw ServiceException.notFound("Invalid IntegrationResponse identifier specified");
        }
        return response;
    }

    private static void requireKeyFree(IntegrationState integration, String key, String exceptResponseId) {
        for (IntegrationResponseRecord other : integration.responses.values()) {
            if (other.integrationResponseKey().equals(key)
                    && !other.integrationResponseId().equals(exceptResponseId)) {
                throw ServiceException.conflict("The resource already exists.");
            }
        }
    }

    private <T> Page<T> page(
            Collection<T> inCreationOrder,
            ToLongFunction<T> sequenceOf,
            String scope,
            String nextToken,
            int maxResults) {
        long after = nextToken == null ? 0 : PageTokens.decode(scope, nextToken, lastSequence);
        List<T> items = new ArrayList<>();
        boolean more = false;
        for (T item : inCreationOrder) {
            if (sequenceOf.applyAsLong(item) <= after) {
                continue;
            }
            if (items.size() == maxResults) {
                more = true;
                break;
            }
            items.add(item);
        }
        String token = more ? PageTokens.encode(scope, sequenceOf.applyAsLong(items.get(items.size() - 1))) : null;
        return new Page<>(List.copyOf(items), token);
    }

    private <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    private static <T> T locked(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }
}
