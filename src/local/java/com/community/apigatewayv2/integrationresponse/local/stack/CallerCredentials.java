package com.community.apigatewayv2.integrationresponse.local.stack;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * The caller credentials a request carries with {@code --aws}. CloudFormation always hands a handler
 * session credentials, and the RPDK proxy cannot sign without a session token; so, as {@code cfn test}
 * does, long-term keys (an IAM user's, from the default chain) are traded for temporary ones with STS
 * GetSessionToken, once per run. Session credentials (a role, SSO, an MFA session) pass as they are.
 */
public final class CallerCredentials {
    private CallerCredentials() {}

    /** From the default credentials chain; STS is called in {@code region} when the chain gives long-term keys. */
    public static AwsSessionCredentials fromDefaultChain(final Region region) {
        final AwsCredentials chain =
                DefaultCredentialsProvider.builder().build().resolveCredentials();
        return sessionCredentials(
                chain,
                () -> StsClient.builder()
                        .region(region)
                        .httpClient(LambdaWrapper.HTTP_CLIENT)
                        .credentialsProvider(StaticCredentialsProvider.create(chain))
                        .build());
    }

    /** {@code credentials} if they are session credentials, else temporary ones from the STS client given. */
    static AwsSessionCredentials sessionCredentials(final AwsCredentials credentials, final Supplier<StsClient> sts) {
        if (credentials instanceof AwsSessionCredentials session) {
            return session;
        }
        try (StsClient client = sts.get()) {
            final Credentials temporary = client.getSessionToken().credentials();
            return AwsSessionCredentials.create(
                    temporary.accessKeyId(), temporary.secretAccessKey(), temporary.sessionToken());
        }
    }
}
