package com.community.apigatewayv2.integrationresponse.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.apigateway.AccountQuota;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two stacks of 50 integration responses against one account quota of 10 requests a second, burst
 * 40, at a quarter of real time: every resource created, updated and deleted, once, with the quota
 * never exceeded and its throttling waited out. How long the run and its invocations took is a
 * benchmark figure, judged by {@code bin/cfn-local stack} on a machine it has to itself, not here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackDriverTest {
    private StackDriver.Figures figures;

    @BeforeAll
    void deployTwoStacks() throws IOException {
        final double timeScale = 0.25;
        figures = StackDriver.run(
                new StackDriver.Settings(50, 2, new AccountQuota(10, 40, timeScale), new TimeScale(timeScale)),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
        figures.lines().forEach(line -> System.out.println("stack " + line));
    }

    @Test
    void everyResourceIsCreatedUpdatedAndDeletedOnce() {
        assertThat(figures.problems()).isEmpty();
        assertEquals(100, figures.total());
        assertEquals(100, figures.created());
        assertEquals(100, figures.updated());
        assertEquals(100, figures.deleted());
        assertThat(figures.failedByCode()).isEmpty();
        assertEquals(0, figures.duplicates());
        assertEquals(0, figures.leftovers());
    }

    @Test
    void theQuotaIsMetAndThrottlingWasWaitedOut() {
        assertEquals(0, figures.bucketViolations());
        assertThat(figures.throttlesSeen()).isPositive();
        // 2 prerequisites per stack, then per resource one POST, a PATCH and a GET, one DELETE
        assertEquals(2 * 2 + 100 * 4, figures.apiCalls());
        assertEquals((404 - 40) / 10.0, figures.floorSeconds());
    }

    @Test
    void everyInvocationIsAccountedForAndEveryInvariantHolds() {
        // each action is invoked once, and once more after each IN_PROGRESS it answers
        assertEquals(300 + figures.inProgressEvents(), figures.invocations());
        assertThat(figures.invariantsHold()).isTrue();
    }
}
