package com.community.apigatewayv2.integrationresponse.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.apigateway.EmulatorClients;
import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import com.community.apigatewayv2.integrationresponse.local.faults.FaultSpec.Kind;
import com.community.apigatewayv2.integrationresponse.local.faults.FaultSpec.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiGatewayV2Exception;
import software.amazon.awssdk.services.apigatewayv2.model.TooManyRequestsException;

/** The fault spec language, the injector's counting, and what the SDK sees of each fault kind. */
class FaultInjectionTest {

    @Test
    void parsesTheExamplesOfTheSpecLanguage() {
        FaultSpec spec = FaultSpec.parse("CreateIntegrationResponse:429x3, GetIntegrationResponse:500@25%;"
                + " *:reset x2 ,UpdateIntegrationResponse:timeout x1,DeleteIntegrationResponse:lost X1");
        assertEquals(
                List.of(
                        new Rule("CreateIntegrationResponse", Kind.STATUS, 429, 3, 0),
                        new Rule("GetIntegrationResponse", Kind.STATUS, 500, 0, 25),
                        new Rule("*", Kind.RESET, 0, 2, 0),
                        new Rule("UpdateIntegrationResponse", Kind.TIMEOUT, 0, 1, 0),
                        new Rule("DeleteIntegrationResponse", Kind.LOST, 0, 1, 0)),
                spec.rules());
        assertEquals(
                "CreateIntegrationResponse:429x3, GetIntegrationResponse:500@25%, *:reset x2, "
                        + "UpdateIntegrationResponse:timeout x1, DeleteIntegrationResponse:lost x1",
                spec.toString());
        assertEquals(spec, FaultSpec.parse(spec.toString()));
        assertEquals(spec.hashCode(), FaultSpec.parse(spec.toString()).hashCode());
        assertThat(FaultSpec.parse("  ").rules()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CreateIntegrationResponse",
                "Create:429",
                "Create:429x",
                "Create:boom x1",
                "Create:200x1",
                "Create:429@0%",
                "Create:429@101%",
                "Create:429x0",
                "Cre ate:429x1"
            })
    void refusesWhatItCannotRead(String text) {
        assertThatThrownBy(() -> FaultSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule")
                .hasMessageContaining(text.strip().contains(",") ? "" : text.strip());
    }

    @Test
    void aCountedRuleFiresForExactlyItsNextRequestsUnderConcurrency() throws Exception {
        FaultInjector injector = new FaultInjector(FaultSpec.parse("GetApi:503x40,*:429x10"));
        AtomicInteger refused = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(threads.submit(() -> {
                    try {
                        injector.beforeOperation("GetApi");
                        injector.afterOperation("GetApi");
                    } catch (ServiceException e) {
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(50, refused.get());
        assertEquals(50, injector.faultsInjected());
        assertEquals(Map.of(Kind.STATUS, 50L), injector.faultsInjectedByKind());
    }

    @Test
    void aPercentageRuleDrawsFromItsSeed() {
        FaultInjector first = new FaultInjector(FaultSpec.parse("GetApi:500@25%"), Duration.ZERO, 42L);
        FaultInjector second = new FaultInjector(FaultSpec.parse("GetApi:500@25%"), Duration.ZERO, 42L);
        StringBuilder firstRun = new StringBuilder();
        StringBuilder secondRun = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            firstRun.append(fires(first) ? 'x' : '.');
            secondRun.append(fires(second) ? 'x' : '.');
        }
        assertEquals(firstRun.toString(), secondRun.toString());
        assertThat(first.faultsInjected()).isBetween(60L, 140L);
    }

    private static boolean fires(FaultInjector injector) {
        try {
            injector.beforeOperation("GetApi");
            return false;
        } catch (ServiceException e) {
            return true;
        }
    }

    @Test
    void theSdkSeesEachFaultKindAsTheRealFaultWouldLook() throws Exception {
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                ApiGatewayV2Client client = EmulatorClients.sdkClient(emulator)) {
            String apiId = EmulatorClients.createWebSocketApi(client);
            emulator.setFaultPlan(new FaultInjector(FaultSpec.parse("GetApi:429x1,GetApi:503x1,GetApi:reset x1")));
            assertThatThrownBy(() -> client.getApi(r -> r.apiId(apiId))).isInstanceOf(TooManyRequestsException.class);
            assertThatThrownBy(() -> client.getApi(r -> r.apiId(apiId)))
                    .isInstanceOfSatisfying(ApiGatewayV2Exception.class, e -> assertEquals(503, e.statusCode()));
            assertThatThrownBy(() -> client.getApi(r -> r.apiId(apiId)))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("failed to respond");
            assertEquals(apiId, client.getApi(r -> r.apiId(apiId)).apiId());

            // lost: the integration is made, the answer never arrives
            emulator.setFaultPlan(new FaultInjector(FaultSpec.parse("CreateIntegration:lost x1")));
            String before = emulator.stateSnapshot();
            assertThatThrownBy(() -> EmulatorClients.createMockIntegration(client, apiId))
                    .isInstanceOf(SdkClientException.class);
            assertThat(emulator.stateSnapshot()).isNotEqualTo(before).contains("\"integrationType\":\"MOCK\"");
            assertEquals(4, emulator.requestCount("GetApi"));
        }
    }
}
