package com.community.apigatewayv2.integrationresponse.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The handler of a local deployment is configured with its own emulator, not through the JVM. */
class LocalDeploymentTest {

    @Test
    void twoDeploymentsInOneJvmEachCallTheirOwnEmulator() throws IOException {
        try (CanaryDeployment first = CanaryDeployment.start();
                CanaryDeployment second = CanaryDeployment.start()) {
            final String firstApi = first.createWebSocketApi("first");
            final String secondApi = second.createWebSocketApi("second");

            for (int round = 0; round < 2; round++) {
                assertEquals("SUCCESS", create(first, firstApi, "/first" + round + "/"));
                assertEquals("SUCCESS", create(second, secondApi, "/second" + round + "/"));
            }

            assertEquals(2, first.emulator().requestCount("CreateIntegrationResponse"));
            assertEquals(2, second.emulator().requestCount("CreateIntegrationResponse"));
            assertThat(first.emulator().stateSnapshot()).contains("/first1/").doesNotContain("/second");
            assertThat(second.emulator().stateSnapshot()).contains("/second1/").doesNotContain("/first");
            // nothing JVM-wide was set for the handlers to find their endpoint
            assertThat(System.getProperty(LocalApiGatewayV2.ENDPOINT_PROPERTY)).isNull();
        }
    }

    private static String create(final CanaryDeployment deployment, final String apiId, final String key) {
        return deployment
                .invoke(
                        "CREATE",
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("ApiId", apiId)
                                .put("IntegrationId", deployment.createMockIntegration(apiId))
                                .put("IntegrationResponseKey", key))
                .status();
    }
}
