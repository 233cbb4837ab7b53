package com.community.apigatewayv2.integrationresponse.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CloudFormation's side of the protocol, against scripted answers: no handler, no endpoint, no sleeping. */
class CloudFormationDriverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Duration> slept = new ArrayList<>();
    private final List<ObjectNode> sent = new ArrayList<>();

    private CloudFormationDriver driver(final double timeScale) {
        return new CloudFormationDriver(new TimeScale(timeScale), slept::add);
    }

    /** Answers each invocation with the next of {@code answers}, the last one for ever after. */
    private CloudFormationDriver.Invocation<JsonNode> scripted(final String... answers) {
        final Deque<String> left = new ArrayDeque<>(List.of(answers));
        return request -> {
            sent.add(request);
            return JSON.readTree(left.size() > 1 ? left.poll() : left.peek());
        };
    }

    private static ObjectNode request(final String action) throws IOException {
        return (ObjectNode) JSON.readTree("{\"action\": \"" + action + "\", \"callbackContext\": null,"
                + " \"requestData\": {\"resourceProperties\": {\"ApiId\": \"a1\"}}}");
    }

    private List<JsonNode> run(final CloudFormationDriver driver, final String action, final String... answers)
            throws IOException, InterruptedException {
        return driver.run(request(action), scripted(answers), event -> event);
    }

    private static final String IN_PROGRESS = "{\"status\": \"IN_PROGRESS\", \"callbackDelaySeconds\": 4,"
            + " \"callbackContext\": {\"throttledRounds\": 1}, \"resourceModel\": {\"ApiId\": \"a1\", \"X\": \"y\"}}";
    private static final String SUCCESS = "{\"status\": \"SUCCESS\"}";

    @ParameterizedTest
    @ValueSource(strings = {"READ", "LIST"})
    void readAndListAreOneInvocationWhateverTheyAnswer(final String action) throws Exception {
        final List<JsonNode> events = run(driver(1.0), action, IN_PROGRESS, SUCCESS);

        assertEquals(1, events.size());
        assertEquals("IN_PROGRESS", events.get(0).path("status").asText());
        assertEquals(1, sent.size());
        assertThat(slept).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE", "UPDATE", "DELETE"})
    void mutatingActionsAreInvokedAgainWhileInProgress(final String action) throws Exception {
        final List<JsonNode> events = run(driver(1.0), action, IN_PROGRESS, IN_PROGRESS, SUCCESS);

        assertThat(events)
                .extracting(event -> event.path("status").asText())
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
        assertEquals(3, sent.size());
        assertThat(slept).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void aReinvocationCarriesTheCallbackContextAndTheModelOfTheEvent() throws Exception {
        run(driver(1.0), "UPDATE", IN_PROGRESS, SUCCESS);

        assertEquals(
                JSON.readTree("{\"action\": \"UPDATE\", \"callbackContext\": {\"throttledRounds\": 1},"
                        + " \"requestData\": {\"resourceProperties\": {\"ApiId\": \"a1\", \"X\": \"y\"}}}"),
                sent.get(1));
        assertEquals(JSON.readTree("{\"ApiId\": \"a1\"}"), sent.get(0).at("/requestData/resourceProperties"));
    }

    @Test
    void theCallbackDelayIsScaledByTheTimeScale() throws Exception {
        run(driver(0.25), "DELETE", IN_PROGRESS, SUCCESS);

        assertThat(slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aMissingOrNegativeCallbackDelayIsNoWait() throws Exception {
        run(
                driver(1.0),
                "DELETE",
                "{\"status\": \"IN_PROGRESS\"}",
                "{\"status\": \"IN_PROGRESS\"," + " \"callbackDelaySeconds\": -3}",
                SUCCESS);

        assertThat(slept).containsExactly(Duration.ZERO, Duration.ZERO);
    }

    @Test
    void theCapIsTheHandlersInProgressRoundsAndItsFinalAnswer() throws Exception {
        assertEquals(9, CloudFormationDriver.MAX_INVOCATIONS);

        // 8 IN_PROGRESS answers and a ninth that ends it: within the cap
        final String[] withinCap = new String[9];
        java.util.Arrays.fill(withinCap, 0, 8, IN_PROGRESS);
        withinCap[8] = SUCCESS;
        assertEquals(9, run(driver(1.0), "UPDATE", withinCap).size());

        sent.clear();
        final CloudFormationDriver forever = driver(1.0);
        assertThatThrownBy(() -> run(forever, "UPDATE", IN_PROGRESS))
                .isInstanceOf(CloudFormationDriver.NeverFinished.class)
                .hasMessage("UPDATE still IN_PROGRESS after 9 invocations");
        assertEquals(9, sent.size());
    }

    @Test
    void anAnswerThatIsNoProgressEventEndsTheAction() throws Exception {
        final List<String> answers = driver(1.0).run(request("CREATE"), request -> "HTTP 502", answer -> null);

        assertThat(answers).containsExactly("HTTP 502");
        assertThat(slept).isEmpty();
    }

    @Test
    void theTimeScaleIsAboveZeroAndAtMostOne() {
        assertEquals(Duration.ofMillis(20), new TimeScale(0.02).scaled(Duration.ofSeconds(1)));
        assertEquals(4.0, new TimeScale(0.5).unscaledSeconds(2_000_000_000L));
        assertThat(new TimeScale(1.0).isRealTime()).isTrue();
        assertThat(new TimeScale(0.5).isRealTime()).isFalse();
        assertEquals("0.25", new TimeScale(0.25).toString());
        assertThatThrownBy(() -> new TimeScale(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the time scale must be above 0 and at most 1, not 0.0");
        assertThatThrownBy(() -> new TimeScale(1.5))
                .hasMessage("the time scale must be above 0 and at most 1, not 1.5");
        assertThatThrownBy(() -> new TimeScale(-0.5))
                .hasMessage("the time scale must be above 0 and at most 1, not -0.5");
        assertThatThrownBy(() -> new TimeScale(Double.NaN))
                .hasMessage("the time scale must be above 0 and at most 1, not NaN");
    }

    @Test
    void everyEventKeepsTheContractOrSaysHowItBrokeIt() throws Exception {
        final String model = "{\"ApiId\": \"a1\", \"IntegrationId\": \"i1\", \"IntegrationResponseId\": \"r1\"}";
        assertThat(breaks("CREATE", "{\"status\": \"SUCCESS\", \"resourceModel\": " + model + "}"))
                .isEmpty();
        assertThat(breaks("LIST", "{\"status\": \"SUCCESS\", \"resourceModels\": [" + model + "]}"))
                .isEmpty();
        assertThat(breaks("DELETE", SUCCESS)).isEmpty();
        assertThat(breaks("UPDATE", IN_PROGRESS)).isEmpty();
        assertThat(breaks("READ", "{\"status\": \"FAILED\", \"errorCode\": \"NotFound\", \"message\": \"gone\"}"))
                .isEmpty();

        assertThat(breaks("CREATE", "{\"status\": \"SUCCESS\", \"resourceModel\": {\"ApiId\": \"a1\"}}"))
                .containsExactly(
                        "CREATE returned a model without IntegrationId: {\"ApiId\":\"a1\"}",
                        "CREATE returned a model without IntegrationResponseId: {\"ApiId\":\"a1\"}");
        assertThat(breaks(
                        "LIST",
                        "{\"status\": \"SUCCESS\", \"resourceModels\": [{\"ApiId\": \"a1\","
                                + " \"IntegrationId\": \"i1\", \"IntegrationResponseId\": \"\"}]}"))
                .containsExactly("LIST returned a model without IntegrationResponseId:"
                        + " {\"ApiId\":\"a1\",\"IntegrationId\":\"i1\",\"IntegrationResponseId\":\"\"}");
        assertThat(breaks("DELETE", "{\"status\": \"FAILED\", \"resourceModel\": {}}"))
                .containsExactly(
                        "DELETE FAILED with a model: {\"status\":\"FAILED\",\"resourceModel\":{}}",
                        "DELETE FAILED without an error code and message: {\"status\":\"FAILED\",\"resourceModel\":{}}");
        assertThat(breaks("READ", IN_PROGRESS)).containsExactly("READ returned IN_PROGRESS");
        assertThat(breaks("LIST", "{\"status\": \"PENDING\"}"))
                .containsExactly("LIST returned an event with status 'PENDING': {\"status\":\"PENDING\"}");
    }

    @Test
    void theIdentifierIsThePrimaryIdentifiersPartsAlone() throws Exception {
        assertEquals(
                JSON.readTree("{\"ApiId\": \"a1\", \"IntegrationId\": \"i1\", \"IntegrationResponseId\": \"r1\"}"),
                ContractChecks.identifierOf(JSON.readTree("{\"IntegrationResponseKey\": \"$default\","
                        + " \"IntegrationResponseId\": \"r1\", \"IntegrationId\": \"i1\", \"ApiId\": \"a1\"}")));
    }

    private static List<String> breaks(final String action, final String event) throws IOException {
        return CloudFormationDriver.breaksOf(action, JSON.readTree(event));
    }
}
