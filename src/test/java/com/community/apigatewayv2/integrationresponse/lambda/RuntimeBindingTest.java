package com.community.apigatewayv2.integrationresponse.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeBindingTest {
    /** Only an environment with both of the variables Lambda's runtime sets is a Lambda execution environment. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "127.0.0.1:9001 | /var/task | true",
                "null           | /var/task | false",
                "127.0.0.1:9001 | null      | false",
                "null           | null      | false",
                "''             | /var/task | false",
                "127.0.0.1:9001 | '  '      | false",
            })
    void insideLambdaOnlyWithTheRuntimeApiAndTheTaskRoot(
            final String runtimeApi, final String taskRoot, final boolean inside) {
        final Map<String, String> environment = new HashMap<>(Map.of("HOME", "/home/dev", "TMPDIR", "/tmp"));
        if (runtimeApi != null) {
            environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        }
        if (taskRoot != null) {
            environment.put("LAMBDA_TASK_ROOT", taskRoot);
        }
        assertEquals(inside, RuntimeBinding.insideLambda(environment));
    }
}
