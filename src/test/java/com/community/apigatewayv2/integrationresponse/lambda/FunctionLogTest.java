package com.community.apigatewayv2.integrationresponse.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The function's log keeps every line but the proxy's one per throttled call. */
class FunctionLogTest {
    private final List<String> lines = new ArrayList<>();
    private final FunctionLog log = new FunctionLog(RecordingContext.logger(lines));

    @Test
    void aThrottledCallIsLeftOutAndEveryOtherLineKeptOnALineOfItsOwn() {
        log.publishLogEvent("Failed to execute remote function: {Too Many Requests (Service: ApiGatewayV2,"
                + " Status Code: 429, Request ID: 1f0c) (SDK Attempt Count: 1)}");
        log.publishLogEvent("Failed to execute remote function: {Invalid IntegrationResponse identifier specified"
                + " (Service: ApiGatewayV2, Status Code: 404, Request ID: 7fe4) (SDK Attempt Count: 1)}");
        log.publishLogEvent("READ MyResponse: FAILED Throttling after 14551 ms, 12 service calls, 12 throttled");
        log.publishLogEvent("A message about Status Code: 429, not from the proxy");
        log.publishLogEvent("Handler returned SUCCESS\n");

        final String n = System.lineSeparator();
        assertEquals(
                List.of(
                        "Failed to execute remote function: {Invalid IntegrationResponse identifier specified"
                                + " (Service: ApiGatewayV2, Status Code: 404, Request ID: 7fe4) (SDK Attempt Count: 1)}"
                                + n,
                        "READ MyResponse: FAILED Throttling after 14551 ms, 12 service calls, 12 throttled" + n,
                        "A message about Status Code: 429, not from the proxy" + n,
                        "Handler returned SUCCESS\n"),
                lines);
    }
}
