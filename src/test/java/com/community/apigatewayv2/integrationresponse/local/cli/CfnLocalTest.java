package com.community.apigatewayv2.integrationresponse.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CfnLocalTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return new CfnLocal(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lifecycleRunsEveryStepAndExitsZero() {
        assertEquals(0, run("lifecycle"), errors());
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("contract: OK");
        // CREATE, READ twice (with the model, by identifier), UPDATE, READ twice, LIST, DELETE, READ, DELETE,
        // then the CREATE of the invalid input
        assertThat(printed.lines().filter(line -> line.matches("^(CREATE|READ|UPDATE|LIST|DELETE) .*")))
                .extracting(line -> line.split("\\s+")[0] + " " + line.split("\\s+")[1])
                .containsExactly(
                        "CREATE SUCCESS",
                        "READ SUCCESS",
                        "READ SUCCESS",
                        "UPDATE SUCCESS",
                        "READ SUCCESS",
                        "READ SUCCESS",
                        "LIST SUCCESS",
                        "DELETE SUCCESS",
                        "READ FAILED",
                        "DELETE FAILED",
                        "CREATE FAILED");
    }

    @Test
    void lifecycleRunsTheResourcesOfTheExampleThatThisTypeOwns() {
        assertEquals(0, run("lifecycle", "--template", "examples/websocket-mock-integration-response.json"), errors());
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("contract: OK").contains("\"IntegrationResponseKey\":\"$default\"");
    }

    @Test
    void aTemplateWithoutThisTypeIsAnError() {
        assertEquals(2, run("lifecycle", "--template", "examples/websocket-mock-integration-response-aws.json"));
        assertThat(errors()).contains("has no resource of type Community::ApiGatewayV2::IntegrationResponse");
    }

    @Test
    void lifecycleExitsOneWhenTheContractBreaks(@TempDir final Path inputs) throws IOException {
        Files.copy(Path.of("inputs", "inputs_1_create.json"), inputs.resolve("inputs_1_create.json"));
        Files.copy(Path.of("inputs", "inputs_1_invalid.json"), inputs.resolve("inputs_1_invalid.json"));
        // an update input the schema rejects: the UPDATE step fails and the read-back differs
        Files.copy(Path.of("inputs", "inputs_1_invalid.json"), inputs.resolve("inputs_1_update.json"));

        assertEquals(1, run("lifecycle", "--inputs", inputs.toString()), errors());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("contract broken: UPDATE");
    }

    @Test
    void contractV2PlaysEveryShippedSetThroughCloudControlAndExitsZero() {
        assertEquals(0, run("contract-v2"), errors());
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("prerequisites: ")))
                .containsExactly("inputs_1: OK", "inputs_2: OK", "inputs_3: OK", "contract_v2: OK");
        // the progress on stderr: seven operations a set, each ending as the contract wants
        assertThat(errors().lines().filter(line -> line.startsWith("inputs_2 ")))
                .extracting(line -> line.split("\\s+")[1] + " " + line.split("\\s+")[2])
                .containsExactly(
                        "CreateResource SUCCESS",
                        "GetResource OK",
                        "UpdateResource SUCCESS",
                        "GetResource OK",
                        "ListResources OK",
                        "DeleteResource SUCCESS",
                        "GetResource ResourceNotFoundException");
    }

    @Test
    void contractV2ReportsTheBrokenSetAndExitsOne(@TempDir final Path inputs) throws IOException {
        Files.copy(Path.of("contract-tests-artifacts", "inputs_1.json"), inputs.resolve("inputs_1.json"));
        // cfn test --v2 patches CreateInputs as given, where the test holds; Cloud Control patches what a
        // READ returns, where the empty TemplateSelectionExpression is unset and the test fails
        Files.writeString(inputs.resolve("inputs_2.json"), """
                {"CreateInputs": {"ApiId": "{{IntegrationResponseTestApiId}}",
                                  "IntegrationId": "{{IntegrationResponseTestIntegrationId}}",
                                  "IntegrationResponseKey": "/4\\\\d{2}/", "TemplateSelectionExpression": ""},
                 "PatchInputs": [{"op": "test", "path": "/TemplateSelectionExpression", "value": ""},
                                 {"op": "replace", "path": "/IntegrationResponseKey", "value": "$default"}]}
                """);

        assertEquals(1, run("contract-v2", "--inputs", inputs.toString()), errors());
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("prerequisites: ")))
                .containsExactly(
                        "inputs_1: OK",
                        "inputs_2: broken (UpdateResource answered InvalidRequestException: Invalid patch update:"
                                + " operation 1 (test /TemplateSelectionExpression):"
                                + " Missing field \"TemplateSelectionExpression\" (Cloud Control patches what"
                                + " GetResource reads, where an empty map or string is unset))",
                        "contract_v2: 1 broken");
    }

    @ParameterizedTest
    @CsvSource({
        "frobnicate, unknown command 'frobnicate'",
        "lifecycle --port 3001, lifecycle does not take --port",
        "lifecycle --inputs, --inputs needs a value",
        "lifecycle --inputs nowhere, no such file: nowhere/inputs_1_create.json",
        "serve --port http, --port takes a whole number from 0 to 65535",
        "invoke CREATE, invoke takes ACTION and request.json",
        "invoke FETCH inputs/inputs_1_create.json, unknown action 'FETCH'",
        "invoke CREATE nosuch.json, no such file: nosuch.json",
        "lifecycle extra, lifecycle takes no argument 'extra'",
        "contract-v2 --inputs nowhere, no such directory: nowhere",
        "contract-v2 --inputs inputs, inputs holds no inputs_N.json",
        "contract-v2 --template template.yml, contract-v2 does not take --template",
        "serve --aws --faults *:500x1, --faults needs the local API Gateway V2 endpoint",
        "serve --faults CreateIntegrationResponse:teapot, CreateIntegrationResponse:teapot",
        "chaos --bad-inputs many, --bad-inputs takes a whole number",
        "chaos --faults *:500x1, chaos does not take --faults",
        "serve --bogus 1, serve does not take --bogus",
        "stack --resources 1 --aws, stack does not take --aws",
        "invoke --port=3002 CREATE inputs/inputs_1_create.json, invoke does not take --port",
        "lifecycle --, lifecycle does not take --"
    })
    void aMistakeIsOneLineAndExitStatusTwo(final String commandLine, final String message) {
        assertEquals(2, run(commandLine.split(" ")));
        assertThat(errors()).startsWith("cfn-local: ").contains(message);
        assertThat(errors().lines()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"CreateInputs\": {\"IntegrationResponseKey\": \"$default\"}, \"PatchInputs\": [}"
                        + "| inputs_7.json: not JSON: Unexpected close marker '}': expected ']'"
                        + " (line 1, column 74)",
                "{\"CreateInputs\": {}, \"PatchInputs\": [{\"op\": \"replace\", \"path\": \"/ApiId\","
                        + " \"value\": \"other\"}]}"
                        + "| inputs_7.json: PatchInputs changes the create-only /properties/ApiId, which Cloud Control"
                        + " refuses to update",
                "{\"CreateInputs\": {}, \"PatchInputs\": [{\"op\": \"add\", \"path\":"
                        + " \"/IntegrationResponseId\", \"value\": \"x\"}]}"
                        + "| inputs_7.json: PatchInputs changes the read-only /properties/IntegrationResponseId,"
                        + " which Cloud Control refuses to update",
                "{\"CreateInputs\": {}, \"PatchInputs\": [{\"op\": \"remove\", \"path\": \"/ResponseTemplates\"}]}"
                        + "| inputs_7.json: PatchInputs does not apply to CreateInputs: ",
                "{\"CreateInputs\": {}, \"PatchInputs\": [{\"op\": \"rename\", \"path\": \"/x\"}]}"
                        + "| inputs_7.json: PatchInputs is not RFC 6902: ",
                "{\"CreateInputs\": {}, \"PatchInput\": []}| inputs_7.json: there is no PatchInputs",
                "{\"CreateInputs\": {\"ApiId\": \"{{TestApi}}\"}, \"PatchInputs\": []}"
                        + "| inputs_7.json: no value for the placeholder {{TestApi}}"
            })
    void aBadContractV2SetIsNamedAndExitsTwoBeforeTheStackStarts(
            final String text, final String message, @TempDir final Path inputs) throws IOException {
        Files.copy(Path.of("contract-tests-artifacts", "inputs_1.json"), inputs.resolve("inputs_1.json"));
        Files.writeString(inputs.resolve("inputs_7.json"), text);

        assertEquals(2, run("contract-v2", "--inputs", inputs.toString()));
        assertThat(errors())
                .startsWith("cfn-local: " + inputs.resolve("inputs_7.json").getParent() + "/")
                .contains(message);
        assertThat(errors().lines()).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** The table of commands and the usage text agree: every command there, each with every option it takes. */
    @Test
    void theUsageNamesEveryCommandWithEveryOptionItTakes() {
        final Map<String, String> usage = new LinkedHashMap<>();
        String command = null;
        for (final String line : CfnLocal.USAGE.lines().skip(1).toList()) {
            if (line.startsWith("  --")) {
                command = null; // the notes after the commands
            } else if (line.matches("  [a-z].*")) {
                command = line.trim().split(" ")[0];
            }
            if (command != null) {
                usage.merge(command, line, (before, more) -> before + "\n" + more);
            }
        }
        assertThat(CfnLocal.COMMANDS.keySet())
                .containsExactly("lifecycle", "contract-v2", "serve", "stack", "invoke", "chaos");
        assertThat(usage.keySet()).containsExactlyElementsOf(CfnLocal.COMMANDS.keySet());
        for (final CfnLocal.Command each : CfnLocal.COMMANDS.values()) {
            for (final CfnLocal.Option option : each.options()) {
                assertThat(usage.get(each.name()))
                        .as(each.name() + " " + option.spelling)
                        .containsPattern("[\\[ ]" + Pattern.quote(option.spelling) + "[ \\]]");
            }
        }
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        assertEquals(2, run());
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: bin/cfn-local");
        assertEquals(0, run("help"));
    }

    @Test
    void invokeWithoutARunningServeSaysSo() {
        assertEquals(
                2,
                run(
                        "invoke",
                        "--endpoint",
                        "http://127.0.0.1:9",
                        "--api-id",
                        "a1",
                        "--integration-id",
                        "i1",
                        "CREATE",
                        "inputs/inputs_1_create.json"));
        assertThat(errors()).contains("no Lambda endpoint at http://127.0.0.1:9: start bin/cfn-local serve first");
    }
}
