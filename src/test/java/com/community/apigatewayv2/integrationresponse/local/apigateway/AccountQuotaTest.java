package com.community.apigatewayv2.integrationresponse.local.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.TooManyRequestsException;

/** The account's control-plane quota: a token bucket, its scaled clock, and the independent check of what it let through. */
class AccountQuotaTest {
    private static final long MILLISECOND = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(7_000 * MILLISECOND);

    private int admitted(final AccountQuota quota, final int tries) {
        int admitted = 0;
        for (int i = 0; i < tries; i++) {
            admitted += quota.tryAcquire() ? 1 : 0;
        }
        return admitted;
    }

    @Test
    void theBurstIsLetThroughAtOnceThenTenASecond() {
        final AccountQuota quota = new AccountQuota(10, 40, 1.0, clock::get);
        assertEquals(40, admitted(quota, 100));
        clock.addAndGet(99 * MILLISECOND);
        assertFalse(quota.tryAcquire());
        clock.addAndGet(MILLISECOND);
        assertTrue(quota.tryAcquire());
        assertFalse(quota.tryAcquire());
        clock.addAndGet(1_000 * MILLISECOND);
        assertEquals(10, admitted(quota, 100));
        assertEquals(51, quota.admitted());
        assertEquals(60 + 1 + 1 + 90, quota.throttled());
        assertEquals(0, quota.violations());
    }

    @Test
    void anIdleBucketFillsOnlyToItsBurst() {
        final AccountQuota quota = new AccountQuota(10, 40, 1.0, clock::get);
        clock.addAndGet(3_600_000 * MILLISECOND);
        assertEquals(40, admitted(quota, 100));
    }

    @Test
    void aTimeScaleRunsTheBucketsClockFaster() {
        final AccountQuota quota = new AccountQuota(10, 40, 0.1, clock::get);
        assertEquals(40, admitted(quota, 40));
        clock.addAndGet(10 * MILLISECOND);
        assertTrue(quota.tryAcquire());
        assertFalse(quota.tryAcquire());
        clock.addAndGet(100 * MILLISECOND);
        assertEquals(10, admitted(quota, 100));
    }

    @Test
    void violationsAreCountedWithoutTheBucketsArithmetic() {
        assertEquals(0, AccountQuota.excess(new double[] {0, 0, 0, 0.1}, 10, 3));
        assertEquals(1, AccountQuota.excess(new double[] {0, 0, 0, 0}, 10, 3));
        assertEquals(1, AccountQuota.excess(new double[] {0, 0, 0, 0.05}, 10, 3));
        assertEquals(2, AccountQuota.excess(new double[] {5, 5, 5, 5, 5.1, 5.1}, 10, 3));
        assertEquals(0, AccountQuota.excess(new double[] {0, 1, 2, 3, 4}, 1, 1));
        assertEquals(1, AccountQuota.excess(new double[] {0, 1, 2, 2.5, 4}, 1, 1));
    }

    @Test
    void aQuotaSpecIsReadOrRefusedNamingTheProblem() {
        final AccountQuota quota = AccountQuota.parse("10/40", 0.5);
        assertEquals(10.0, quota.rate());
        assertEquals(40, quota.burst());
        assertEquals(0.5, quota.timeScale());
        final IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> AccountQuota.parse("ten", 1.0));
        assertEquals(
                "--throttle takes RATE/BURST, requests a second and the burst, e.g. 10/40, not 'ten'",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccountQuota.parse("0/40", 1.0));
        assertThrows(IllegalArgumentException.class, () -> AccountQuota.parse("10/0", 1.0));
        assertThrows(IllegalArgumentException.class, () -> AccountQuota.parse("10/40", 0));
    }

    @Test
    void theEmulatorAnswersAnOperationPastTheQuotaAsTheServiceDoes() throws Exception {
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                ApiGatewayV2Client client = EmulatorClients.sdkClient(emulator)) {
            emulator.setAccountQuota(new AccountQuota(0.001, 2, 1.0));
            client.getApis(request -> {});
            client.getApis(request -> {});
            final TooManyRequestsException error =
                    assertThrows(TooManyRequestsException.class, () -> client.getApis(request -> {}));
            assertEquals(429, error.statusCode());
            assertEquals("TooManyRequestsException", error.awsErrorDetails().errorCode());
            assertEquals("Too Many Requests", error.awsErrorDetails().errorMessage());
            assertEquals(2, emulator.accountQuota().admitted());
        }
    }

    @Test
    void itIsShownAsGiven() {
        assertEquals("2/3", AccountQuota.parse("2/3", 1.0).toString());
        assertEquals("10/40 at time scale 0.5", AccountQuota.parse("10/40", 0.5).toString());
        assertEquals("2.5/3", AccountQuota.parse("2.5/3", 1.0).toString());
    }
}
