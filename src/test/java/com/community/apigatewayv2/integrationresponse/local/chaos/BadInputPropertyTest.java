package com.community.apigatewayv2.integrationresponse.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.community.apigatewayv2.integrationresponse.local.chaos.BadInputs.BadInput;
import com.community.apigatewayv2.integrationresponse.local.chaos.BadInputs.Mutation;
import com.community.apigatewayv2.integrationresponse.local.stack.CanaryDeployment;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * 1,000 generated bad requests (ten times as many come from {@code bin/cfn-local chaos}, whose own
 * generator draws 10,000 by default) through the local Lambda endpoint into the real handler: each is
 * answered with a well-formed FAILED event (InvalidRequest or NotFound, with a message naming the
 * problem) or, for a payload that is not JSON, Lambda's own error; afterwards the local API
 * Gateway V2 is byte-for-byte what it was, and no canary credential appeared anywhere.
 */
class BadInputPropertyTest {
    /** Enough for every mutation about 30 times in each build; the chaos runner sends the 10,000. */
    private static final int TRIES = 1_000;

    private static final AtomicLong TRIED = new AtomicLong();
    private static CanaryDeployment stack;
    private static BadInputs inputs;
    private static String stateBefore;

    @BeforeContainer
    static void seed() throws IOException {
        stack = CanaryDeployment.start();
        String apiId = stack.createWebSocketApi("target");
        String integrationId = stack.createMockIntegration(apiId);
        String otherApiId = stack.createWebSocketApi("bystander");
        String otherIntegrationId = stack.createMockIntegration(otherApiId);
        CanaryDeployment.Answer seeded = stack.invoke(
                "CREATE",
                JsonNodeFactory.instance
                        .objectNode()
                        .put("ApiId", apiId)
                        .put("IntegrationId", integrationId)
                        .put("IntegrationResponseKey", "$default"));
        assertThat(seeded.status()).isEqualTo("SUCCESS");
        inputs = new BadInputs(
                stack,
                new BadInputs.Fixture(
                        apiId,
                        integrationId,
                        seeded.model().get("IntegrationResponseId").asText(),
                        otherApiId,
                        otherIntegrationId));
        stateBefore = stack.emulator().stateSnapshot();
    }

    @AfterContainer
    static void stateIsUnchangedAndNothingLeaked() {
        try {
            assertThat(TRIED.get()).isGreaterThanOrEqualTo(TRIES);
            assertThat(stack.emulator().stateSnapshot()).isEqualTo(stateBefore);
            assertThat(stack.secretLeaks()).isZero();
        } finally {
            stack.close();
        }
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void everyBadInputFailsWellAndChangesNothing(
            @ForAll Mutation mutation, @ForAll("junk") String junk, @ForAll int number) {
        BadInput input = inputs.build(mutation, junk, number);
        TRIED.incrementAndGet();
        assertThat(BadInputs.mishandling(input, stack.invokeRaw(input.function(), input.payload())))
                .as(input.toString())
                .isNull();
    }

    /** Short strings of any script, with now and then a huge one (a short one repeated, which is cheap to make). */
    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> small = Arbitraries.strings()
                .withCharRange(' ', '\uD7FF')
                .withChars('\n', '\t', '\u0000')
                .ofMaxLength(40);
        Arbitrary<String> huge = Arbitraries.strings()
                .withChars('a', 'Z', '字', 'é', '"', '\\', '$')
                .ofMinLength(1)
                .ofMaxLength(8)
                .flatMap(part -> Arbitraries.integers()
                        .between(2_000, 20_000)
                        .map(length -> part.repeat(length / part.length() + 1)));
        return Arbitraries.frequencyOf(Tuple.of(19, small), Tuple.of(1, huge));
    }
}
