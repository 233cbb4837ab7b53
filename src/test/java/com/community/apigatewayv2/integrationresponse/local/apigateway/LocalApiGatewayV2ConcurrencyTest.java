package com.community.apigatewayv2.integrationresponse.local.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationResponse;

/** Many SDK clients at once: every create lands once, and a contested key has exactly one winner. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalApiGatewayV2ConcurrencyTest {

    private static final int THREADS = 16;

    private LocalApiGatewayV2 emulator;
    private ApiGatewayV2Client client;
    private ExecutorService pool;
    private String apiId;
    private String integrationId;

    @BeforeAll
    void start() throws IOException {
        emulator = new LocalApiGatewayV2().start();
        client = EmulatorClients.sdkClient(emulator);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        client.close();
        emulator.close();
    }

    @BeforeEach
    void createApiAndIntegration() {
        apiId = EmulatorClients.createWebSocketApi(client);
        integrationId = EmulatorClients.createMockIntegration(client, apiId);
        emulator.resetCounts();
    }

    /** Runs every task at the same moment and returns their outcomes: a value or the thrown exception. */
    private <T> List<Object> runTogether(List<Callable<T>> tasks) throws InterruptedException {
        CountDownLatch startingGun = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                startingGun.await();
                return task.call();
            }));
        }
        startingGun.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                outcomes.add(future.get(10, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("a request hung", e);
            }
        }
        return outcomes;
    }

    @Test
    void parallelCreatesWithDistinctKeysAllLandOnce() throws InterruptedException {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String key = "/" + (200 + i) + "/";
            tasks.add(() -> client.createIntegrationResponse(
                            r -> r.apiId(apiId).integrationId(integrationId).integrationResponseKey(key))
                    .integrationResponseId());
        }
        List<Object> outcomes = runTogether(tasks);

        Set<Object> ids = new HashSet<>(outcomes);
        assertEquals(THREADS, ids.size(), "every create succeeded with its own id: " + outcomes);
        List<IntegrationResponse> listed = client.getIntegrationResponses(
                        r -> r.apiId(apiId).integrationId(integrationId))
                .items();
        assertEquals(
                ids,
                new HashSet<Object>(listed.stream()
                        .map(IntegrationResponse::integrationResponseId)
                        .toList()));
        assertEquals(THREADS, emulator.requestCount("CreateIntegrationResponse"));
    }

    @Test
    void racingCreatesOfOneKeyHaveExactlyOneWinner() throws InterruptedException {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> client.createIntegrationResponse(
                            r -> r.apiId(apiId).integrationId(integrationId).integrationResponseKey("$default"))
                    .integrationResponseId());
        }
        List<Object> outcomes = runTogether(tasks);

        long winners = outcomes.stream().filter(String.class::isInstance).count();
        long conflicts =
                outcomes.stream().filter(ConflictException.class::isInstance).count();
        assertEquals(1, winners, outcomes.toString());
        assertEquals(7, conflicts, outcomes.toString());
        assertEquals(
                1,
                client.getIntegrationResponses(r -> r.apiId(apiId).integrationId(integrationId))
                        .items()
                        .size());
    }

    @Test
    void racingRenamesOntoOneKeyHaveExactlyOneWinner() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = "/" + (300 + i) + "/";
            ids.add(client.createIntegrationResponse(
                            r -> r.apiId(apiId).integrationId(integrationId).integrationResponseKey(key))
                    .integrationResponseId());
        }
        List<Callable<String>> tasks = new ArrayList<>();
        for (String id : ids) {
            tasks.add(() -> client.updateIntegrationResponse(r -> r.apiId(apiId)
                            .integrationId(integrationId)
                            .integrationResponseId(id)
                            .integrationResponseKey("/500/"))
                    .integrationResponseId());
        }
        List<Object> outcomes = runTogether(tasks);

        assertEquals(1, outcomes.stream().filter(String.class::isInstance).count(), outcomes.toString());
        assertEquals(
                7,
                outcomes.stream().filter(ConflictException.class::isInstance).count(),
                "every loser is refused ConflictException: " + outcomes);
        long keyed500 =
                client.getIntegrationResponses(r -> r.apiId(apiId).integrationId(integrationId)).items().stream()
                        .filter(item -> item.integrationResponseKey().equals("/500/"))
                        .count();
        assertEquals(1, keyed500);
    }

    @Test
    void pagingWhileOthersInsertNeverSkipsOrRepeatsTheOriginalItems() throws Exception {
        Set<String> original = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String key = "/" + (200 + i) + "/";
            original.add(client.createIntegrationResponse(
                            r -> r.apiId(apiId).integrationId(integrationId).integrationResponseKey(key))
                    .integrationResponseId());
        }
        // between one page and the next, another client inserts one item and the inserter waits for
        // the next page: every insert lands while the paging is under way
        Semaphore pageServed = new Semaphore(0);
        Semaphore inserted = new Semaphore(0);
        AtomicInteger inserts = new AtomicInteger();
        Future<?> inserter = pool.submit(() -> {
            try (ApiGatewayV2Client other = EmulatorClients.sdkClient(emulator)) {
                while (pageServed.tryAcquire(10, TimeUnit.SECONDS) && inserts.get() < 20) {
                    String key = "/" + (400 + inserts.getAndIncrement()) + "/";
                    other.createIntegrationResponse(
                            r -> r.apiId(apiId).integrationId(integrationId).integrationResponseKey(key));
                    inserted.release();
                }
            }
            return null;
        });
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            var page = client.getIntegrationResponses(r ->
                    r.apiId(apiId).integrationId(integrationId).maxResults("3").nextToken(current));
            page.items().forEach(item -> seen.add(item.integrationResponseId()));
            token = page.nextToken();
            pages++;
            if (token != null && pages <= 20) {
                pageServed.release();
                assertTrue(inserted.tryAcquire(10, TimeUnit.SECONDS), "the insert after page " + pages);
            }
        } while (token != null);
        inserter.cancel(true);

        assertTrue(inserts.get() >= 6, "inserts made while paging: " + inserts.get());
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no item is repeated");
        assertTrue(seen.containsAll(original), "no original item is skipped");
    }
}
