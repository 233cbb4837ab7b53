package com.community.apigatewayv2.integrationresponse.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.chaos.Chaos.Figures;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks {@code bin/cfn-local chaos} reports, run once against a fresh local stack; each test
 * holds one figure to what it must be. The full 10,000 bad inputs run in {@link BadInputPropertyTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosTest {

    private Figures figures;

    @BeforeAll
    void run() throws IOException {
        figures = Chaos.run(1_000, 7L);
        figures.lines().forEach(line -> System.out.println("chaos " + line));
        figures.problems().forEach(problem -> System.out.println("chaos problem: " + problem));
    }

    @Test
    void everyOutcomeIsTheOneExpected() {
        assertThat(figures.problems()).isEmpty();
        assertThat(figures.holds()).isTrue();
    }

    @Test
    void transientFaultsAreAbsorbed() {
        assertThat(figures.faultsAbsorbed()).isGreaterThanOrEqualTo(20);
        assertThat(figures.faultsInjected()).isGreaterThan(figures.faultsAbsorbed());
    }

    @Test
    void faultsPastTheBudgetFailWithTheirOwnCode() {
        assertThat(figures.failedByCode())
                .containsAllEntriesOf(Map.of("Throttling", 4L, "NetworkFailure", 5L, "AlreadyExists", 1L));
        assertThat(figures.failedByCode().get("ServiceInternalError")).isGreaterThanOrEqualTo(4L);
        assertThat(figures.failedByCode()).doesNotContainKey("InternalFailure");
        assertEquals(0, figures.internalFailures());
    }

    @Test
    void badInputsAreAllAnsweredWell() {
        assertEquals(1_000, figures.badInputsTried());
        assertEquals(0, figures.badInputsMishandled());
    }

    @Test
    void noResourceIsDuplicatedOrLeftBehind() {
        assertEquals(0, figures.duplicateResources());
    }

    @Test
    void noCanaryCredentialLeaks() {
        assertEquals(0, figures.secretLeaks());
    }

    @Test
    void parallelLifecyclesAllSucceed() {
        assertEquals(16, figures.parallelLifecyclesOk());
        assertEquals(16, figures.parallelLifecycles());
    }

    @Test
    void updatesAndDeletesTouchOnlyTheirTarget() {
        assertEquals(0, figures.stateChangesOutsideTarget());
    }

    @Test
    void figuresArePrintedAsNameValueLines() {
        assertThat(figures.lines())
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly(
                        "faults_injected",
                        "faults_absorbed",
                        "failed_by_code",
                        "internal_failures",
                        "bad_inputs_tried",
                        "bad_inputs_mishandled",
                        "duplicate_resources",
                        "secret_leaks",
                        "parallel_lifecycles_ok",
                        "state_changes_outside_target");
    }
}
