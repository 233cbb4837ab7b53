package com.community.apigatewayv2.integrationresponse.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a user hands bin/cfn-local: YAML and JSON templates, their paths from where the user is, and
 * every mistake in them or on the command line named in one line, before anything is deployed.
 */
class CfnLocalInputsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return new CfnLocal(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of("IntegrationResponseTestApiId", "envapi")::get)
                .run(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aYamlTemplateWithShortFormIntrinsicsRunsEachResource() {
        assertEquals(0, run("lifecycle", "--template", "src/test/resources/templates/websocket-mock.yaml"), errors());
        assertThat(printed()).contains("contract: OK");
        // both resources at once, each line labelled with its logical id
        assertThat(printed().lines().filter(line -> line.startsWith("ClientErrors CREATE ")))
                .singleElement()
                .asString()
                .contains("\"IntegrationResponseKey\":\"/4\\\\d{2}/\"")
                .contains("\"ResponseTemplates\":{\"application/json\":\"{\\\"error\\\": true}\"}");
        assertThat(printed().lines().filter(line -> line.startsWith("Default CREATE ")))
                .singleElement()
                .asString()
                .contains("\"IntegrationResponseKey\":\"$default\"");
        assertThat(printed()
                        .lines()
                        .filter(line -> line.matches("^(ClientErrors|Default) (CREATE|READ|UPDATE|LIST|DELETE) .*")))
                .hasSize(20);
    }

    @Test
    void aTemplatesPathIsTheCallersNotTheProjects(@TempDir final Path elsewhere) throws IOException {
        Files.copy(Path.of("src/test/resources/templates/websocket-mock.yaml"), elsewhere.resolve("template.yaml"));
        System.setProperty(CfnLocal.CALLER_DIR_PROPERTY, elsewhere.toString());
        try {
            assertEquals(0, run("lifecycle", "--template", "template.yaml"), errors());
        } finally {
            System.clearProperty(CfnLocal.CALLER_DIR_PROPERTY);
        }
        assertThat(printed()).contains("contract: OK");
    }

    /** A template, and what the one error line says after the file's name. */
    static Stream<Arguments> templateMistakes() {
        final String owned = "Resources:\n  R:\n    Type: Community::ApiGatewayV2::IntegrationResponse\n";
        return Stream.of(
                arguments("Resources: [a", "not YAML: expected ',' or ']', but got <stream end> (line 1, column 14)"),
                arguments("Outputs: {}\n", "no Resources section (a mapping of logical ids)"),
                arguments(
                        "Resources:\n  R: {Type: T}\n  R: {Type: T}\n",
                        "not YAML: found duplicate key R (line 3, column 3)"),
                arguments(
                        "{\"Resources\": {\"R\": {\"Type\": \"x\"},}}",
                        "not JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field"
                                + " name (line 1, column 35)"),
                arguments(owned, "R has no Properties; Community::ApiGatewayV2::IntegrationResponse needs them"),
                arguments(owned + "    Properties: [1]\n", "the Properties of R must be a mapping, not a list"),
                arguments(
                        "Resources:\n  A: {Type: AWS::ApiGatewayV2::Api}\n  R:\n"
                                + "    Type: Community::ApiGatewayV2::IntegrationResponse\n"
                                + "    Properties: {ApiId: !GetAtt A.ApiEndpoint}\n",
                        "R.ApiId takes A.ApiEndpoint, which the local stack does not evaluate; A.ApiId it does"),
                arguments(
                        owned + "    Properties: {ApiId: !Sub '${AWS::Region}'}\n",
                        "R.ApiId uses Fn::Sub, which the local stack does not evaluate"),
                arguments(
                        owned + "    Properties: {ApiId: !Ref Nowhere}\n",
                        "R.ApiId refers to 'Nowhere', which is not an AWS::ApiGatewayV2::Api or"
                                + " AWS::ApiGatewayV2::Integration in the template"));
    }

    @ParameterizedTest
    @MethodSource("templateMistakes")
    void aTemplateMistakeIsNamedBeforeAnythingIsDeployed(
            final String template, final String problem, @TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);

        assertEquals(2, run("lifecycle", "--template", file.toString()));
        assertThat(errors()).isEqualTo("cfn-local: " + file + ": " + problem + " (bin/cfn-local help)\n");
        assertThat(errors().lines()).hasSize(1);
        assertThat(printed()).as("no stack was started").doesNotContain("prerequisites:");
    }

    @Test
    void malformedInputsAreNamedWithTheirLineBeforeAnythingIsDeployed(@TempDir final Path inputs) throws IOException {
        Files.copy(Path.of("inputs", "inputs_1_update.json"), inputs.resolve("inputs_1_update.json"));
        Files.copy(Path.of("inputs", "inputs_1_invalid.json"), inputs.resolve("inputs_1_invalid.json"));
        Files.writeString(inputs.resolve("inputs_1_create.json"), "{\n  \"ApiId\": \"x\",\n");

        assertEquals(2, run("lifecycle", "--inputs", inputs.toString()));
        assertThat(errors())
                .isEqualTo("cfn-local: " + inputs.resolve("inputs_1_create.json")
                        + ": not JSON: Unexpected end-of-input within/between Object entries (line 3, column 1)"
                        + " (bin/cfn-local help)\n");
        assertThat(printed()).doesNotContain("prerequisites:");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "lifecycle --inputs inputs --template t.yaml| lifecycle takes --inputs or --template, not both",
                "lifecycle --region --aws| --region needs a value, not the option --aws",
                "lifecycle --inputs=nowhere| no such file: nowhere/inputs_1_create.json",
                "serve --port=http| --port takes a whole number from 0 to 65535, not 'http'",
                "invoke --endpoint foo CREATE inputs/inputs_1_create.json"
                        + "| --endpoint takes an http:// URL, e.g. http://127.0.0.1:3001, not 'foo'",
                "invoke FETCH inputs/inputs_1_create.json| unknown action 'FETCH'; one of CREATE, READ, UPDATE,"
                        + " DELETE, LIST",
                "invoke sam-tests/nosuch.json| no such file: sam-tests/nosuch.json",
                "invoke CREATE inputs| inputs is a directory, not a file",
            })
    void aCommandLineMistakeIsOneLine(final String commandLine, final String message) {
        assertEquals(2, run(commandLine.split(" ")));
        assertThat(errors()).startsWith("cfn-local: ").contains(message);
        assertThat(errors().lines()).hasSize(1);
    }

    @Test
    void anInvokeRequestsPlaceholdersAreFilledOrNamed(@TempDir final Path dir) throws IOException {
        final Path request = dir.resolve("request.json");
        Files.writeString(
                request, "{\"ApiId\": \"{{IntegrationResponseTestApiId}}\", \"IntegrationId\": \"{{Other}}\"}");

        assertEquals(2, run("invoke", "--endpoint", "http://127.0.0.1:9", "CREATE", request.toString()));
        assertThat(errors())
                .contains(request + ": no value for the placeholder {{Other}}; known: IntegrationResponseTestApiId");
    }

    @Test
    void helpIsAskedForEveryWay() {
        for (final List<String> asked : List.of(List.of("-h"), List.of("--help"), List.of("lifecycle", "--help"))) {
            out.reset();
            assertEquals(0, run(asked.toArray(String[]::new)), asked.toString());
            assertThat(printed()).startsWith("usage: bin/cfn-local");
        }
    }

    @Test
    void aBusyPortIsNamedWithTheOptionThatMovesIt() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(2, run("serve", "--port", String.valueOf(busy.getLocalPort())));
            assertThat(errors())
                    .isEqualTo("cfn-local: port " + busy.getLocalPort() + " on 127.0.0.1 is already in use; choose"
                            + " another with --port, --api-port or --cloudcontrol-port (0 takes any free one), or"
                            + " stop what holds it\n");
        }
    }

    private static final String PARENTS = "Resources:\n"
            + "  Api: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: t, ProtocolType: WEBSOCKET,"
            + " RouteSelectionExpression: $request.body.action}}\n"
            + "  Integration: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api,"
            + " IntegrationType: MOCK}}\n"
            + "  R:\n    Type: Community::ApiGatewayV2::IntegrationResponse\n    Properties:\n"
            + "      ApiId: !Ref Api\n      IntegrationId: !Ref Integration\n";

    @Test
    void emptyMapsAndAnEmptyExpressionKeepTheContract(@TempDir final Path dir) throws IOException {
        final Path template = dir.resolve("template.yaml");
        Files.writeString(
                template,
                PARENTS + "      IntegrationResponseKey: $default\n      ResponseTemplates: {}\n"
                        + "      ResponseParameters: {}\n      TemplateSelectionExpression: ''\n");

        assertEquals(0, run("lifecycle", "--template", template.toString()), printed() + errors());
        assertThat(printed()).contains("contract: OK").doesNotContain("contract broken");
        // the READ with the model keeps them as given; the READ by identifier alone cannot
        assertThat(printed().lines().filter(line -> line.startsWith("READ ")))
                .extracting(line -> line.substring(line.indexOf("ms  ") + 4))
                .element(0)
                .asString()
                .contains("\"ResponseTemplates\":{}")
                .contains("\"TemplateSelectionExpression\":\"\"");
        assertThat(printed().lines().filter(line -> line.startsWith("READ ")))
                .extracting(line -> line.substring(line.indexOf("ms  ") + 4))
                .element(1)
                .asString()
                .doesNotContain("ResponseTemplates")
                .doesNotContain("TemplateSelectionExpression");
    }

    @Test
    void aNumberInATemplateIsTheStringCloudFormationPasses(@TempDir final Path dir) throws IOException {
        final Path template = dir.resolve("template.yaml");
        Files.writeString(
                template, PARENTS + "      IntegrationResponseKey: $default\n      TemplateSelectionExpression: 5\n");

        assertEquals(0, run("lifecycle", "--template", template.toString()), printed() + errors());
        assertThat(printed()).contains("\"TemplateSelectionExpression\":\"5\"").contains("contract: OK");
    }

    @Test
    void anInputTheHandlerRefusesIsAnInputMistakeNotAContractBreak(@TempDir final Path dir) throws IOException {
        final Path template = dir.resolve("template.yaml");
        Files.writeString(template, PARENTS + "      IntegrationResponseKey: $default\n      Colour: blue\n");

        assertEquals(2, run("lifecycle", "--template", template.toString()));
        assertThat(errors())
                .startsWith(
                        "cfn-local: " + template + ": R: the handler refused the input: CREATE failed InvalidRequest: ")
                .contains("Colour");
        assertThat(printed()).doesNotContain("contract");
    }

    @Test
    void aLiteralParentIdThatIsNotThereIsAnInputMistake(@TempDir final Path dir) throws IOException {
        final Path template = dir.resolve("template.yaml");
        Files.writeString(
                template,
                "Resources:\n  R:\n    Type: Community::ApiGatewayV2::IntegrationResponse\n    Properties:\n"
                        + "      ApiId: abc1234567\n      IntegrationId: def4567\n      IntegrationResponseKey: $default\n");

        assertEquals(2, run("lifecycle", "--template", template.toString()));
        assertThat(errors())
                .startsWith("cfn-local: " + template + ": R: the handler refused the input: CREATE failed NotFound: ");
    }

    @Test
    void anInvalidInputTheHandlerAcceptsIsAContractBreak(@TempDir final Path inputs) throws IOException {
        Files.copy(Path.of("inputs", "inputs_1_create.json"), inputs.resolve("inputs_1_create.json"));
        Files.copy(Path.of("inputs", "inputs_1_update.json"), inputs.resolve("inputs_1_update.json"));
        // cfn test requires the invalid input to fail InvalidRequest: a valid one in its place must break
        Files.writeString(
                inputs.resolve("inputs_1_invalid.json"),
                "{\"ApiId\": \"{{IntegrationResponseTestApiId}}\", \"IntegrationId\":"
                        + " \"{{IntegrationResponseTestIntegrationId}}\", \"IntegrationResponseKey\": \"/599/\"}");

        assertEquals(1, run("lifecycle", "--inputs", inputs.toString()), errors());
        assertThat(printed())
                .contains("contract broken: CREATE of the invalid input should fail InvalidRequest but answered")
                .contains("contract: 1 broken");
    }

    @Test
    void withoutARegionOrCredentialsAwsIsOneLineNamingWhatIsMissing() {
        assertThat(CfnLocal.awsSetupProblem(software.amazon.awssdk.core.exception.SdkClientException.create(
                        "Unable to load region from any of the providers in the chain"
                                + " software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain@1:\n"
                                + "[SystemSettingsRegionProvider: Unable to load region ...]")))
                .isEqualTo("--aws needs a region: set AWS_REGION (or a region in your profile) or pass --region");
        assertThat(CfnLocal.awsSetupProblem(software.amazon.awssdk.core.exception.SdkClientException.create(
                        "Unable to load credentials from any of the providers in the chain"
                                + " AwsCredentialsProviderChain(credentialsProviders=[...]) : [...]\nmore")))
                .isEqualTo("--aws needs credentials and the default chain (environment, profile, SSO, container,"
                        + " instance role) has none: Unable to load credentials from any of the providers in the"
                        + " chain AwsCredentialsProviderChain(credentialsProviders=[...]) : [...]");
    }

    @Test
    void aSmallPageSizeMakesTheLifecycleListReachASecondPage() {
        assertEquals(0, run("lifecycle", "--page-size", "1"), errors());
        // one sibling and the response under test, one to a page
        assertThat(printed().lines().filter(line -> line.startsWith("LIST "))).hasSize(2);
        assertThat(printed()).contains("contract: OK");
        assertEquals(2, run("lifecycle", "--aws", "--region", "us-east-1", "--page-size", "1"));
        assertThat(errors()).contains("--page-size sets the local API Gateway V2 endpoint's, not AWS's");
    }

    @Test
    void twoResponsesWithOneKeyAreDeployedAtOnceAndOneIsRefusedAlreadyExists(@TempDir final Path dir)
            throws IOException {
        final Path template = dir.resolve("template.yaml");
        Files.writeString(
                template,
                PARENTS + "      IntegrationResponseKey: /500/\n"
                        + "  Twin:\n    Type: Community::ApiGatewayV2::IntegrationResponse\n    Properties:\n"
                        + "      ApiId: !Ref Api\n      IntegrationId: !Ref Integration\n"
                        + "      IntegrationResponseKey: /500/\n");

        assertEquals(2, run("lifecycle", "--template", template.toString()));
        assertThat(errors())
                .matches("cfn-local: \\Q" + template + "\\E: (R|Twin): the handler refused the input: CREATE failed"
                        + " AlreadyExists: (?s).*");
    }
}
