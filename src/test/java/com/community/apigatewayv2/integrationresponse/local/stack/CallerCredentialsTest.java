package com.community.apigatewayv2.integrationresponse.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.cloudformation.LambdaWrapper;

/** Long-term keys are traded for session credentials with GetSessionToken, once; session credentials pass. */
class CallerCredentialsTest {
    private static final AwsSessionCredentials TEMPORARY = AwsSessionCredentials.create(
            "ASIATEMPORARYLOCAL01", "temporary-secret-from-sts", "temporary-session-token-from-sts");

    private final StsStandIn sts = new StsStandIn();
    private final Map<String, String> savedProperties = new HashMap<>();

    CallerCredentialsTest() throws IOException {}

    @AfterEach
    void restore() {
        sts.close();
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private StsClient stsClient(final AwsBasicCredentials longTerm) {
        return StsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(sts.url()))
                .httpClient(LambdaWrapper.HTTP_CLIENT)
                .credentialsProvider(StaticCredentialsProvider.create(longTerm))
                .build();
    }

    @Test
    void longTermKeysAreTradedForTemporaryOnesWithOneGetSessionToken() {
        final AwsBasicCredentials longTerm = AwsBasicCredentials.create("AKIALONGTERMUSER0001", "long-term-secret");

        assertEquals(TEMPORARY, CallerCredentials.sessionCredentials(longTerm, () -> stsClient(longTerm)));

        final List<StsStandIn.Request> requests = sts.requests();
        assertEquals(1, requests.size(), requests::toString);
        assertThat(requests.get(0).body()).contains("Action=GetSessionToken");
        assertThat(requests.get(0).authorization()).contains("Credential=AKIALONGTERMUSER0001/");
    }

    @Test
    void sessionCredentialsPassAsTheyAreWithoutAnStsCall() {
        final AwsSessionCredentials session =
                AwsSessionCredentials.create("ASIAROLESESSION00001", "role-secret", "role-session-token");

        assertSame(
                session,
                CallerCredentials.sessionCredentials(
                        session, () -> stsClient(AwsBasicCredentials.create("AKIAUNUSED", "unused"))));

        assertEquals(List.of(), sts.requests());
    }

    @Test
    void theDefaultChainsLongTermKeysReachStsInTheRegionGiven() {
        setProperty("aws.accessKeyId", "AKIALONGTERMUSER0002");
        setProperty("aws.secretAccessKey", "long-term-secret-2");
        setProperty("aws.sessionToken", null);
        setProperty("aws.endpointUrlSts", sts.url());

        assertEquals(TEMPORARY, CallerCredentials.fromDefaultChain(Region.EU_WEST_1));

        assertEquals(1, sts.requests().size());
        assertThat(sts.requests().get(0).authorization())
                .contains("Credential=AKIALONGTERMUSER0002/")
                .contains("/eu-west-1/sts/aws4_request");
    }

    private void setProperty(final String name, final String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
