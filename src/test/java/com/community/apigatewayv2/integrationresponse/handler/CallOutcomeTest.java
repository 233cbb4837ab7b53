package com.community.apigatewayv2.integrationresponse.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.TooManyRequestsException;

/** The one classifier of failed attempts, and the one answer to "may this call have taken effect?". */
class CallOutcomeTest {

    @ParameterizedTest
    @CsvSource({
        "TooManyRequestsException, 429, THROTTLED",
        "ThrottlingException, 400, THROTTLED",
        // a throttling code on a 5xx is throttling: not retried by the SDK, so not unknown either
        "ThrottlingException, 503, THROTTLED",
        "InternalServerErrorException, 500, UNKNOWN",
        "ServiceUnavailableException, 503, UNKNOWN",
        "BadRequestException, 400, NOT_APPLIED",
        "AccessDeniedException, 403, NOT_APPLIED",
        "NotFoundException, 404, NOT_APPLIED",
        "ConflictException, 409, NOT_APPLIED"
    })
    void aServiceAnswerIsClassifiedByItsCodeAndStatus(final String code, final int status, final CallOutcome outcome) {
        assertEquals(outcome, CallOutcome.of(HandlerTestSupport.serviceError(code, "m", status)));
    }

    @Test
    void noAnswerIsUnknownAndAFailureOutsideTheSdkAppliedNothing() {
        assertEquals(CallOutcome.UNKNOWN, CallOutcome.of(SdkClientException.create("Connection reset")));
        assertEquals(CallOutcome.UNKNOWN, CallOutcome.of(ApiCallAttemptTimeoutException.create(3_000)));
        assertEquals(CallOutcome.UNKNOWN, CallOutcome.of(ApiCallTimeoutException.create(12_000)));
        assertEquals(CallOutcome.NOT_APPLIED, CallOutcome.of(new IllegalStateException("a bug")));
    }

    /** Create, delete and the callback context all read this; it used to have two answers that disagreed. */
    @Test
    void aCallMayHaveAppliedWhenItsLastAttemptOrAnEarlierOneHadNoCertainAnswer() {
        final Map<SdkException, Boolean> cases = Map.of(
                ConflictException.builder().statusCode(409).numAttempts(1).build(), false,
                ConflictException.builder().statusCode(409).numAttempts(2).build(), true,
                NotFoundException.builder().statusCode(404).numAttempts(1).build(), false,
                // a 404 after a 500: the 500's attempt may be what removed it (create and delete agree now)
                NotFoundException.builder().statusCode(404).numAttempts(2).build(), true,
                TooManyRequestsException.builder()
                                .statusCode(429)
                                .numAttempts(1)
                                .build(),
                        false,
                TooManyRequestsException.builder()
                                .statusCode(429)
                                .numAttempts(3)
                                .build(),
                        true,
                ConflictException.builder().statusCode(409).build(), false,
                SdkClientException.create("Connection reset"), true,
                HandlerTestSupport.serviceError("InternalServerErrorException", "boom", 500), true);
        cases.forEach((failure, expected) -> assertEquals(
                expected,
                CallOutcome.mayHaveApplied(failure),
                failure.getClass().getSimpleName() + " after " + failure.numAttempts() + " attempts"));
        assertThat(CallOutcome.mayHaveApplied(new IllegalStateException("a bug")))
                .isFalse();
    }

    /** The retry rule of the client the handlers are actually given, not a restatement of it. */
    @ParameterizedTest
    @CsvSource({
        "InternalServerErrorException, 500, true",
        "ServiceUnavailableException, 503, true",
        "ThrottlingException, 503, false",
        "TooManyRequestsException, 429, false",
        "ThrottlingException, 400, false",
        "BadRequestException, 400, false",
        "ConflictException, 409, false"
    })
    void theBuiltClientRetriesExactlyTheUnknownOutcomes(final String code, final int status, final boolean retried) {
        final AwsServiceException failure = HandlerTestSupport.serviceError(code, "m", status);
        assertEquals(retried, retries(failure), code + " " + status);
        assertEquals(retried, CallOutcome.of(failure) == CallOutcome.UNKNOWN);
    }

    @Test
    void theBuiltClientRetriesNoAnswerButNotABug() {
        assertThat(retries(SdkClientException.create("Connection reset"))).isTrue();
        assertThat(retries(new IllegalStateException("a bug"))).isFalse();
    }

    private static boolean retries(final Throwable failure) {
        final RetryStrategy strategy = HandlerConfig.production()
                .client("eu-west-1")
                .serviceClientConfiguration()
                .overrideConfiguration()
                .retryStrategy()
                .orElseThrow();
        final RefreshRetryTokenRequest refresh = RefreshRetryTokenRequest.builder()
                .token(strategy.acquireInitialToken(AcquireInitialTokenRequest.create("apigateway"))
                        .token())
                .failure(failure)
                .build();
        try {
            strategy.refreshRetryToken(refresh);
            return true;
        } catch (final TokenAcquisitionFailedException refused) {
            return false;
        }
    }
}
