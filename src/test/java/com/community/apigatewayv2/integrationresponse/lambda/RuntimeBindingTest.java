package com.community.apigatewayv2.integrationresponse.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

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

    private static ProgressEvent<ResourceModel, CallbackContext> failed(
            final ResourceModel model, final String message) {
        return ProgressEvent.failed(model, null, HandlerErrorCode.InvalidRequest, message);
    }

    @Test
    void anEventGoesOutWithoutAModelWhenFailedAndWithAMessageOfAtMost16KiB() {
        final ResourceModel model = ResourceModel.builder().apiId("a").build();
        final ProgressEvent<ResourceModel, CallbackContext> tooLong = failed(model, "x".repeat(20_000));
        RuntimeBinding.finish(tooLong);
        assertEquals(null, tooLong.getResourceModel());
        assertEquals("x".repeat(16_384) + "... (3616 more characters)", tooLong.getMessage());

        final ProgressEvent<ResourceModel, CallbackContext> justFits = ProgressEvent.success(model, null);
        justFits.setMessage("y".repeat(16_384));
        RuntimeBinding.finish(justFits);
        assertEquals(model, justFits.getResourceModel());
        assertEquals("y".repeat(16_384), justFits.getMessage());

        // never half of a surrogate pair
        final ProgressEvent<ResourceModel, CallbackContext> emoji = failed(null, "z".repeat(16_383) + "😀" + "z");
        RuntimeBinding.finish(emoji);
        assertEquals("z".repeat(16_383) + "... (3 more characters)", emoji.getMessage());
    }
}
