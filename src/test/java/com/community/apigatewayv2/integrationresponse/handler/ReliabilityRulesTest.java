package com.community.apigatewayv2.integrationresponse.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.community.apigatewayv2.integrationresponse.local.faults.FaultInjector;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/** The decisions the reliability work rests on, each made in one place. */
class ReliabilityRulesTest {

    @Test
    void timeoutsAndResetsAreNetworkFailures() {
        for (final Exception noAnswer : new Exception[] {
            ApiCallAttemptTimeoutException.create(3_000),
            ApiCallTimeoutException.create(12_000),
            SdkClientException.create("Unable to execute HTTP request: The target server failed to respond")
        }) {
            assertEquals(HandlerErrorCode.NetworkFailure, ExceptionTranslator.errorCode(noAnswer, Action.CREATE));
        }
    }

    /** What the client the handlers call is built with, not only the constants it is built from. */
    @Test
    void theBuiltClientHasTheBudget() {
        final ClientOverrideConfiguration configuration = HandlerConfig.production()
                .client("eu-west-1")
                .serviceClientConfiguration()
                .overrideConfiguration();

        assertEquals(Optional.of(Duration.ofSeconds(3)), configuration.apiCallAttemptTimeout());
        // a timeout fault holds its answer past the attempt timeout, so the attempt is abandoned
        assertThat(FaultInjector.DEFAULT_TIMEOUT_DELAY).isGreaterThan(Duration.ofSeconds(3));
        assertEquals(Optional.of(Duration.ofSeconds(12)), configuration.apiCallTimeout());
        final RetryStrategy retries = configuration.retryStrategy().orElseThrow();
        assertEquals(3, retries.maxAttempts());

        final AwsServiceException serverError = HandlerTestSupport.serviceError("InternalFailure", "oops", 500);
        final RetryToken first = retries.acquireInitialToken(AcquireInitialTokenRequest.create("apigateway"))
                .token();
        final RetryToken second = retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(first)
                        .failure(serverError)
                        .build())
                .token();
        final RetryToken third = retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(second)
                        .failure(serverError)
                        .build())
                .token();
        assertThrows(
                TokenAcquisitionFailedException.class,
                () -> retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(third)
                        .failure(serverError)
                        .build()),
                "a fourth attempt");
        assertThrows(
                TokenAcquisitionFailedException.class,
                () -> retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(retries.acquireInitialToken(AcquireInitialTokenRequest.create("apigateway"))
                                .token())
                        .failure(HandlerTestSupport.serviceError("BadRequestException", "no", 400))
                        .build()),
                "a 400 is not retried");

        // the standard strategy's circuit breaker would refuse retries once 100 had failed in the same scope
        for (int call = 0; call < 200; call++) {
            final RetryToken token = retries.acquireInitialToken(AcquireInitialTokenRequest.create("apigateway"))
                    .token();
            retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                    .token(token)
                    .failure(serverError)
                    .build());
        }
    }

    @Test
    void aNullMapValueIsNamed() {
        final Map<String, String> templates = new HashMap<>();
        templates.put("application/json", null);
        assertEquals(
                Optional.of("ResponseTemplates['application/json'] is null: every value must be a string"),
                Translator.nullMapValue(HandlerTestSupport.fullModel().toBuilder()
                        .responseTemplates(templates)
                        .build()));
        assertEquals(
                Optional.of("ResponseParameters['h'] is null: every value must be a string"),
                Translator.nullMapValue(HandlerTestSupport.minimalModel().toBuilder()
                        .responseParameters(Collections.singletonMap("h", null))
                        .build()));
        assertEquals(Optional.empty(), Translator.nullMapValue(HandlerTestSupport.fullModel()));
        assertEquals(Optional.empty(), Translator.nullMapValue(HandlerTestSupport.minimalModel()));
    }
}
