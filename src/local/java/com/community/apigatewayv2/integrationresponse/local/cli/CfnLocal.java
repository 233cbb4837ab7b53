package com.community.apigatewayv2.integrationresponse.local.cli;

import com.community.apigatewayv2.integrationresponse.local.apigateway.AccountQuota;
import com.community.apigatewayv2.integrationresponse.local.chaos.Chaos;
import com.community.apigatewayv2.integrationresponse.local.faults.FaultInjector;
import com.community.apigatewayv2.integrationresponse.local.faults.FaultSpec;
import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.lambda.LocalLambdaEndpoint;
import com.community.apigatewayv2.integrationresponse.local.lambda.PrivateTmpDir;
import com.community.apigatewayv2.integrationresponse.local.net.LocalEndpoint;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.community.apigatewayv2.integrationresponse.local.stack.CallerCredentials;
import com.community.apigatewayv2.integrationresponse.local.stack.CloudFormationDriver;
import com.community.apigatewayv2.integrationresponse.local.stack.ContractInputs;
import com.community.apigatewayv2.integrationresponse.local.stack.ContractInputsV2;
import com.community.apigatewayv2.integrationresponse.local.stack.ContractTestsV2;
import com.community.apigatewayv2.integrationresponse.local.stack.HandlerRequests;
import com.community.apigatewayv2.integrationresponse.local.stack.JsonFiles;
import com.community.apigatewayv2.integrationresponse.local.stack.Lifecycle;
import com.community.apigatewayv2.integrationresponse.local.stack.LocalDeployment;
import com.community.apigatewayv2.integrationresponse.local.stack.SamTestEvent;
import com.community.apigatewayv2.integrationresponse.local.stack.StackDriver;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/** {@code bin/cfn-local}: run the resource type without AWS, SAM or the cfn CLI. */
public final class CfnLocal {
    static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: bin/cfn-local <command> [options]",
            "  lifecycle [--aws] [--region R] [--inputs DIR | --template FILE] [--page-size N]",
            "        CREATE, READ, UPDATE, READ, LIST, DELETE, READ, DELETE through the handler's Lambda entry point,",
            "        from DIR/inputs_1_create.json and inputs_1_update.json (default: inputs), or for each resource of",
            "        this type in a JSON or YAML template (UPDATE re-applies its properties); exit 1 on a contract",
            "        break, 2 on a mistake in the input; --page-size N lists N to a page, N other responses beside",
            "        the one under test, so that LIST reaches a second page",
            "  contract-v2 [--aws] [--region R] [--inputs DIR]",
            "        each contract tests v2 set DIR/inputs_N.json (default: contract-tests-artifacts) through the local",
            "        Cloud Control API: CreateInputs created, read, updated with PatchInputs, read, listed, deleted and",
            "        read; one 'inputs_N: OK' or 'inputs_N: broken (...)' line a set, then 'contract_v2: OK' or",
            "        'contract_v2: N broken'; exit 1 on a contract break, 2 on a bad set (found before the stack starts)",
            "  serve [--aws] [--region R] [--port N] [--api-port N] [--cloudcontrol-port N] [--faults SPEC]",
            "        [--throttle RATE/BURST] [--page-size N]",
            "        the Lambda endpoint (default port 3001, functions TypeFunction and TestEntrypoint), a local Cloud",
            "        Control API driving it (with CloudFormation's DescribeType and ListTypes for this type, and",
            "        ListExports of the parents' ids) and, unless --aws, the local API Gateway V2 endpoint with a",
            "        WebSocket API and MOCK integration; until interrupted.",
            "        Prints AWS_ENDPOINT_URL_* exports that point the AWS CLI, the SDKs and Terraform at them.",
            "        SPEC injects faults, e.g. 'CreateIntegrationResponse:429x3, GetIntegrationResponse:500@25%, *:reset x1'",
            "        (kinds: a status 400-599, reset, timeout, lost; xN the next N requests, @P% a share of them);",
            "        --throttle limits all its operations to one account-wide quota, e.g. 10/40 (API Gateway's own)",
            "  stack --resources N [--stacks S] [--throttle RATE/BURST] [--time-scale F]",
            "        S stacks (default 1) of N integration responses each, created, updated and deleted at once as",
            "        CloudFormation does (IN_PROGRESS re-invoked after its delay) against one quota (default 10/40);",
            "        F (default 1) shrinks every wait; one 'name: value' line per figure; exit 1 if one does not hold",
            "  invoke [--endpoint URL] [--aws] [--region R] ACTION request.json",
            "        one request to a running serve (default http://127.0.0.1:3001), re-invoked while IN_PROGRESS;",
            "        request.json holds desiredResourceState (and previousResourceState, nextToken) or just the model",
            "  invoke [--endpoint URL] [--aws] [--region R] [--api-id ID] [--integration-id ID]",
            "         [--integration-response-id ID] sam-tests/EVENT.json",
            "        a SAM event to the TestEntrypoint of a running serve, as sam local invoke sends it; each",
            "        {{Name}} placeholder is filled from its option, else from the environment variable of that",
            "        name (serve prints the API's and the integration's, a CREATE the response's), empty",
            "        credentials with the ones the other commands use",
            "  chaos [--bad-inputs N] [--seed S]",
            "        faults, bad input, secrets and concurrency against the local stack; one 'name: value' line per",
            "        figure; exit 1 if one does not hold",
            "  --aws uses the default AWS credential and region chains and the real API Gateway V2.");
    /** API Gateway's control-plane quota per account and Region: 10 requests a second, burst 40. */
    private static final String API_GATEWAY_QUOTA = "10/40";

    private static final List<String> ACTIONS = List.of("CREATE", "READ", "UPDATE", "DELETE", "LIST");

    /** What a command runs, with the options it was given. */
    @FunctionalInterface
    interface Run {
        int run(CfnLocal cli, Options options) throws IOException, InterruptedException;
    }

    /**
     * One command: its name, the options it takes, whether it takes arguments beside them, and what it
     * runs. An option is a {@link Option}, so one a command takes always sets something.
     */
    record Command(String name, Set<Option> options, boolean takesArguments, Run run) {}

    /** Every command, by name, in the order of the usage text. */
    static final Map<String, Command> COMMANDS = table(
            new Command(
                    "lifecycle",
                    EnumSet.of(Option.AWS, Option.REGION, Option.INPUTS, Option.TEMPLATE, Option.PAGE_SIZE),
                    false,
                    CfnLocal::lifecycle),
            new Command(
                    "contract-v2", EnumSet.of(Option.AWS, Option.REGION, Option.INPUTS), false, CfnLocal::contractV2),
            new Command(
                    "serve",
                    EnumSet.of(
                            Option.AWS,
                            Option.REGION,
                            Option.PORT,
                            Option.API_PORT,
                            Option.CLOUDCONTROL_PORT,
                            Option.FAULTS,
                            Option.THROTTLE,
                            Option.PAGE_SIZE),
                    false,
                    CfnLocal::serve),
            new Command(
                    "stack",
                    EnumSet.of(Option.RESOURCES, Option.STACKS, Option.THROTTLE, Option.TIME_SCALE),
                    false,
                    CfnLocal::stack),
            new Command(
                    "invoke",
                    EnumSet.of(
                            Option.AWS,
                            Option.REGION,
                            Option.ENDPOINT,
                            Option.API_ID,
                            Option.INTEGRATION_ID,
                            Option.INTEGRATION_RESPONSE_ID),
                    true,
                    CfnLocal::invoke),
            new Command("chaos", EnumSet.of(Option.BAD_INPUTS, Option.SEED), false, CfnLocal::chaos));

    private static Map<String, Command> table(final Command... commands) {
        final Map<String, Command> byName = new LinkedHashMap<>();
        for (final Command command : commands) {
            byName.put(command.name(), command);
        }
        return Collections.unmodifiableMap(byName);
    }

    private static final Set<String> HELP = Set.of("help", "--help", "-h");
    /** The directory the user ran bin/cfn-local from (the script changes to the project's). */
    static final String CALLER_DIR_PROPERTY = "cfn-local.caller.dir";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    CfnLocal(final PrintStream out, final PrintStream err) {
        this(out, err, System::getenv);
    }

    CfnLocal(final PrintStream out, final PrintStream err, final Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(final String[] args) {
        System.exit(new CfnLocal(System.out, System.err).run(args));
    }

    /** The exit status: 0 done, 1 the contract broke or the request failed, 2 a usage or set-up error. */
    int run(final String[] args) {
        final Deque<String> words = new ArrayDeque<>(List.of(args));
        final String command = words.poll();
        try {
            if (command == null || HELP.contains(command) || words.stream().anyMatch(HELP::contains)) {
                out.println(USAGE);
                return command == null ? 2 : 0;
            }
            final Command chosen = COMMANDS.get(command);
            if (chosen == null) {
                throw new UsageError("unknown command '" + command + "'");
            }
            return chosen.run().run(this, Options.parse(chosen, words));
        } catch (final software.amazon.awssdk.core.exception.SdkClientException e) {
            // --aws without a region or credentials: the SDK's chains say so in a stack trace
            err.println("cfn-local: " + awsSetupProblem(e));
            return 2;
        } catch (final Lifecycle.InputRefused e) {
            // the handler answered as it should; the template or inputs are what is wrong
            err.println("cfn-local: " + e.getMessage());
            return 2;
        } catch (final IllegalArgumentException | NoSuchFileException e) {
            err.println("cfn-local: "
                    + (e instanceof NoSuchFileException missing ? "no such file: " + missing.getFile() : e.getMessage())
                    + " (bin/cfn-local help)");
            return 2;
        } catch (final java.net.BindException e) {
            err.println("cfn-local: " + e.getMessage() + "; choose another with --port, --api-port or"
                    + " --cloudcontrol-port (0 takes any free one), or stop what holds it");
            return 2;
        } catch (final IOException e) {
            err.println("cfn-local: " + e.getMessage());
            return 2;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int lifecycle(final Options options) throws IOException, InterruptedException {
        requirePrivateTmpDir();
        if (options.inputs != null && options.template != null) {
            throw new UsageError("lifecycle takes --inputs or --template, not both");
        }
        final Path inputs = options.inputs != null ? callerPath(options.inputs) : Path.of("inputs");
        // everything is read and checked before the stack starts: with --aws a typo costs no resources
        final TemplateResources template = options.template == null
                ? null
                : TemplateResources.read(callerPath(options.template), ResourceModel.TYPE_NAME);
        if (template == null) {
            ContractInputs.load(inputs, 1, new LocalDeployment.Prerequisites("ApiId", "IntegrationId").placeholders());
        }
        return onLocalStack(options, "cfn-local-lifecycle", (stack, prerequisites) -> {
            final List<String> violations = new ArrayList<>();
            if (template != null) {
                violations.addAll(templateLifecycles(options, template, stack, prerequisites));
            } else {
                final Lifecycle lifecycle = new Lifecycle(new LambdaInvoker(stack.lambdaUri()), stack.requests(), out);
                final ContractInputs contractInputs = ContractInputs.load(inputs, 1, prerequisites.placeholders());
                lifecycle.run(contractInputs.create(), contractInputs.update());
                lifecycle.runInvalid(contractInputs.invalid());
                violations.addAll(lifecycle.violations());
            }
            violations.forEach(violation -> out.println("contract broken: " + violation));
            out.println(violations.isEmpty() ? "contract: OK" : "contract: " + violations.size() + " broken");
            return violations.isEmpty() ? 0 : 1;
        });
    }

    private static void requireLocalForPageSize(final Options options) {
        if (options.aws && options.pageSize > 0) {
            throw new UsageError("--page-size sets the local API Gateway V2 endpoint's, not AWS's (it pages at 100)");
        }
    }

    /** One line for what the SDK's region or credential chain could not find. */
    static String awsSetupProblem(final software.amazon.awssdk.core.exception.SdkClientException e) {
        final String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (first.contains("region")) {
            return "--aws needs a region: set AWS_REGION (or a region in your profile) or pass --region";
        }
        if (first.contains("credentials")) {
            return "--aws needs credentials and the default chain (environment, profile, SSO, container, instance"
                    + " role) has none: " + first;
        }
        return "AWS: " + first;
    }

    /**
     * Each resource's lifecycle, all at once as CloudFormation deploys resources that do not depend on
     * each other, every line labelled with its logical id when there are several. The first input the
     * handler refused (two responses with one key: AlreadyExists) is named with its resource.
     */
    private List<String> templateLifecycles(
            final Options options,
            final TemplateResources template,
            final LocalDeployment stack,
            final LocalDeployment.Prerequisites prerequisites)
            throws IOException, InterruptedException {
        final List<TemplateResources.Resource> resources = template.resolved(prerequisites);
        final java.util.concurrent.ExecutorService threads =
                java.util.concurrent.Executors.newFixedThreadPool(resources.size());
        try {
            final List<java.util.concurrent.Future<List<String>>> runs = new ArrayList<>();
            for (final TemplateResources.Resource resource : resources) {
                final Lifecycle lifecycle = new Lifecycle(
                        new LambdaInvoker(stack.lambdaUri()),
                        stack.requests(),
                        out,
                        resources.size() > 1 ? resource.logicalId() : "");
                runs.add(threads.submit(() -> {
                    try {
                        return lifecycle.run(resource.properties(), resource.properties());
                    } catch (final Lifecycle.InputRefused e) {
                        throw new Lifecycle.InputRefused(
                                options.template + ": " + resource.logicalId() + ": " + e.getMessage());
                    }
                }));
            }
            final List<String> violations = new ArrayList<>();
            for (final java.util.concurrent.Future<List<String>> run : runs) {
                try {
                    violations.addAll(run.get());
                } catch (final java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException unchecked) {
                        throw unchecked;
                    }
                    throw new IOException(e.getCause());
                }
            }
            return violations;
        } finally {
            threads.shutdown();
            threads.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** A path the user gave, from the directory they ran bin/cfn-local in. */
    static Path callerPath(final String given) {
        return Path.of(System.getProperty(CALLER_DIR_PROPERTY, "")).resolve(given);
    }

    private int contractV2(final Options options) throws IOException, InterruptedException {
        requirePrivateTmpDir();
        final Path inputs = options.inputs != null ? callerPath(options.inputs) : Path.of(ContractInputsV2.DIRECTORY);
        // every set is read and checked before the stack starts, its placeholders filled with stand-ins
        ContractInputsV2.load(inputs, new LocalDeployment.Prerequisites("ApiId", "IntegrationId").placeholders());
        return onLocalStack(options, "cfn-local-contract-v2", (stack, prerequisites) -> {
            final ContractTestsV2 tests =
                    new ContractTestsV2(stack.cloudControl().url(), err);
            int broken = 0;
            for (final ContractInputsV2 set : ContractInputsV2.load(inputs, prerequisites.placeholders())) {
                final List<String> violations = tests.run(set);
                out.println(set.name() + ": "
                        + (violations.isEmpty() ? "OK" : "broken (" + String.join("; ", violations) + ")"));
                broken += violations.isEmpty() ? 0 : 1;
            }
            out.println("contract_v2: " + (broken == 0 ? "OK" : broken + " broken"));
            return broken == 0 ? 0 : 1;
        });
    }

    /** What runs against the started stack once its API and integration are there. */
    private interface StackRun {
        int run(LocalDeployment stack, LocalDeployment.Prerequisites prerequisites)
                throws IOException, InterruptedException;
    }

    /**
     * Starts the local stack, creates the WebSocket API and MOCK integration the inputs' placeholders
     * stand for, prints them, runs {@code run} and deletes them again, whatever it answered.
     */
    private int onLocalStack(final Options options, final String name, final StackRun run)
            throws IOException, InterruptedException {
        requireLocalForPageSize(options);
        try (PrintStream handlerLog = handlerLog();
                LocalDeployment stack = LocalDeployment.start(
                        options.aws, options.region, 0, 0, 0, handlerLog, LocalDeployment.Pace.REAL_TIME)) {
            final ApiGatewayV2Client client = stack.prerequisitesClient();
            final LocalDeployment.Prerequisites prerequisites = stack.createPrerequisites(client, name);
            try {
                if (options.pageSize > 0) {
                    stack.apiGateway().setDefaultPageSize(options.pageSize);
                    // as many other responses as a page holds, so that every LIST has a second page to reach
                    for (int i = 0; i < options.pageSize; i++) {
                        final String key = "/sibling" + i + "/";
                        client.createIntegrationResponse(r -> r.apiId(prerequisites.apiId())
                                .integrationId(prerequisites.integrationId())
                                .integrationResponseKey(key));
                    }
                }
                out.println("prerequisites: ApiId=" + prerequisites.apiId() + " IntegrationId="
                        + prerequisites.integrationId()
                        + (options.aws
                                ? " (AWS " + stack.requests().region() + ")"
                                : " (local API Gateway V2 " + stack.apiGateway().url() + ")"));
                return run.run(stack, prerequisites);
            } finally {
                stack.deletePrerequisites(client, prerequisites);
            }
        }
    }

    private int serve(final Options options) throws IOException, InterruptedException {
        requirePrivateTmpDir();
        if (options.aws && options.faults != null) {
            throw new UsageError("--faults needs the local API Gateway V2 endpoint, not --aws");
        }
        final FaultSpec faults = options.faults == null ? null : FaultSpec.parse(options.faults);
        final LocalDeployment.Pace pace = options.throttle == null
                ? LocalDeployment.Pace.REAL_TIME
                : new LocalDeployment.Pace(
                        TimeScale.REAL_TIME,
                        AccountQuota.parse(options.throttle, 1.0),
                        LocalLambdaEndpoint.DEFAULT_MAX_CONCURRENCY);
        requireLocalForPageSize(options);
        final LocalDeployment stack = LocalDeployment.start(
                options.aws, options.region, options.port, options.apiPort, options.cloudControlPort, err, pace);
        if (options.pageSize > 0) {
            stack.apiGateway().setDefaultPageSize(options.pageSize);
            out.println("list page size:          " + options.pageSize);
        }
        if (pace.quota() != null) {
            out.println("account quota:           " + pace.quota() + " requests a second/burst");
        }
        // serve's own set-up first, so the faults reach only the handler's calls
        final LocalDeployment.Prerequisites prerequisites;
        try {
            prerequisites = stack.apiGateway() == null
                    ? null
                    : stack.createPrerequisites(stack.prerequisitesClient(), "cfn-local-serve");
        } catch (final RuntimeException e) {
            stack.close(); // its endpoints' threads would keep the JVM alive, its ports taken
            throw new IOException("serve could not create its WebSocket API and integration: " + e.getMessage(), e);
        }
        if (prerequisites != null) {
            // cfn test --cloudformation-endpoint-url fills its inputs' {{Name}} from these
            stack.cloudControl().setExports(prerequisites.placeholders());
        }
        if (faults != null) {
            stack.apiGateway().setFaultPlan(new FaultInjector(faults));
            out.println("faults:                  " + faults);
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stopped.countDown();
                        },
                        "cfn-local-shutdown"));
        out.println("Lambda endpoint:         " + stack.lambdaUri() + " (TypeFunction, TestEntrypoint)");
        out.println("Cloud Control endpoint:  " + stack.cloudControl().url()
                + " (Cloud Control API; CloudFormation DescribeType, ListTypes, ListExports)");
        if (prerequisites != null) {
            out.println("API Gateway V2 endpoint: " + stack.apiGateway().url());
        }
        // the AWS CLI, boto3, the Java SDK and Terraform's aws provider read these service-specific settings
        out.println(
                "export AWS_ENDPOINT_URL_CLOUDCONTROL=" + stack.cloudControl().url());
        out.println(
                "export AWS_ENDPOINT_URL_CLOUDFORMATION=" + stack.cloudControl().url());
        if (prerequisites != null) {
            out.println(
                    "export AWS_ENDPOINT_URL_APIGATEWAYV2=" + stack.apiGateway().url());
            prerequisites.placeholders().forEach((name, value) -> out.println("export " + name + "=" + value));
        }
        out.println("cfn test --endpoint " + stack.lambdaUri() + " --cloudformation-endpoint-url "
                + stack.cloudControl().url() + " runs the contract tests against it; Ctrl-C stops.");
        out.flush();
        stopped.await();
        return 0;
    }

    private int invoke(final Options options) throws IOException, InterruptedException {
        if (!options.positional.isEmpty() && options.positional.size() <= 2) {
            final Path file = callerPath(options.positional.get(options.positional.size() - 1));
            final boolean anAction = ACTIONS.contains(options.positional.get(0).toUpperCase(Locale.ROOT))
                    && options.positional.size() == 1;
            if (!anAction && (options.positional.size() == 1 || Files.exists(file))) {
                // a file given is read (a missing one, a directory or bad JSON said so), never taken for an action
                if (SamTestEvent.isTestEvent(JsonFiles.read(file))) {
                    return invokeTestEvent(options, file);
                }
            }
        }
        if (options.positional.size() != 2) {
            throw new UsageError("invoke takes ACTION and request.json, or a sam-tests event");
        }
        final String action = options.positional.get(0).toUpperCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new UsageError(
                    "unknown action '" + options.positional.get(0) + "'; one of " + String.join(", ", ACTIONS));
        }
        final Path file = callerPath(options.positional.get(1));
        // its {{Name}} placeholders are filled as a sam-tests event's are
        final JsonNode request =
                JsonFiles.parse(file, ContractInputs.fill(JsonFiles.text(file), ids(options), file.toString()));
        final boolean wrapped = request.has("desiredResourceState");
        final JsonNode desired = wrapped ? request.get("desiredResourceState") : request;
        final JsonNode previous = wrapped ? request.get("previousResourceState") : null;
        final String nextToken = wrapped && request.hasNonNull("nextToken")
                ? request.get("nextToken").asText()
                : null;
        final String region =
                options.region != null ? options.region : options.aws ? defaultRegion() : LocalEndpoint.REGION;
        final HandlerRequests requests = new HandlerRequests(region, callerCredentials(options.aws, region));
        final LambdaInvoker invoker = new LambdaInvoker(URI.create(options.endpoint));
        final List<JsonNode> events;
        try {
            events = new CloudFormationDriver().run(invoker, requests.request(action, desired, previous, nextToken));
        } catch (final ConnectException e) {
            throw new IOException("no Lambda endpoint at " + options.endpoint + ": start bin/cfn-local serve first", e);
        }
        for (final JsonNode event : events) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event));
        }
        return "SUCCESS".equals(events.get(events.size() - 1).path("status").asText()) ? 0 : 1;
    }

    /**
     * A sam-tests event sent as {@code sam local invoke TestEntrypoint --event FILE} sends it: the
     * file's text, its placeholders and empty credentials filled in, its own region unless
     * {@code --region} says otherwise. A CREATE that succeeds prints the export the next events need.
     */
    private int invokeTestEvent(final Options options, final Path file) throws IOException, InterruptedException {
        final String text = JsonFiles.text(file);
        final String action = JsonFiles.parse(file, text).path("action").asText();
        if (options.positional.size() == 2 && !options.positional.get(0).equalsIgnoreCase(action)) {
            throw new UsageError(file + " is a " + action + " event, not " + options.positional.get(0));
        }
        final Map<String, String> ids = ids(options);
        final String region =
                options.region != null ? options.region : options.aws ? defaultRegion() : LocalEndpoint.REGION;
        String event;
        try {
            event = SamTestEvent.fill(text, ids, callerCredentials(options.aws, region), file.toString());
        } catch (final IllegalArgumentException e) {
            throw new UsageError(e.getMessage() + "; give --api-id, --integration-id, --integration-response-id"
                    + " or export the placeholder's name");
        }
        if (options.region != null) {
            final ObjectNode withRegion = (ObjectNode) JSON.readTree(event);
            ((ObjectNode) withRegion.get("request")).put("region", options.region);
            event = withRegion.toString();
        }
        final JsonNode answer;
        try {
            answer = new LambdaInvoker(URI.create(options.endpoint)).invokeRaw(SamTestEvent.FUNCTION, event);
        } catch (final ConnectException e) {
            throw new IOException("no Lambda endpoint at " + options.endpoint + ": start bin/cfn-local serve first", e);
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        final boolean success = "SUCCESS".equals(answer.path("status").asText());
        if (success && "CREATE".equals(action)) {
            err.println("export " + SamTestEvent.RESPONSE_ID + "="
                    + answer.path("resourceModel").path("IntegrationResponseId").asText());
        }
        return success ? 0 : 1;
    }

    /** The placeholders' values: from the options, else from the environment variable of each name. */
    private Map<String, String> ids(final Options options) {
        final Map<String, String> ids = new HashMap<>();
        for (final String name : SamTestEvent.PLACEHOLDERS) {
            final String value = environment.apply(name);
            if (value != null && !value.isBlank()) {
                ids.put(name, value);
            }
        }
        ids.putAll(options.ids);
        return ids;
    }

    /** What a request carries: with --aws the default chain's, always as session credentials; else local ones. */
    private static AwsCredentials callerCredentials(final boolean aws, final String region) {
        return aws
                ? CallerCredentials.fromDefaultChain(Region.of(region))
                : AwsSessionCredentials.create("AKIDLOCALSTACK", "local-stack-secret", "local-stack-session");
    }

    private int chaos(final Options options) throws IOException {
        requirePrivateTmpDir();
        final Chaos.Figures figures = Chaos.run(options.badInputs, options.seed, err);
        figures.lines().forEach(out::println);
        figures.problems().forEach(problem -> err.println("problem: " + problem));
        return figures.holds() ? 0 : 1;
    }

    private int stack(final Options options) throws IOException {
        requirePrivateTmpDir();
        if (options.resources == 0) {
            throw new UsageError("stack needs --resources N");
        }
        final StackDriver.Settings settings = new StackDriver.Settings(
                options.resources,
                options.stacks,
                "off".equals(options.throttle)
                        ? null
                        : AccountQuota.parse(
                                options.throttle == null ? API_GATEWAY_QUOTA : options.throttle,
                                options.timeScale.factor()),
                options.timeScale);
        err.println("stack: " + settings.stacks() + " x " + settings.resources() + " integration responses, quota "
                + (settings.quota() == null ? "off" : settings.quota()) + ", time scale " + settings.timeScale());
        final StackDriver.Figures figures = StackDriver.run(settings, err);
        figures.lines().forEach(out::println);
        figures.problems().forEach(problem -> err.println("problem: " + problem));
        return figures.holds() ? 0 : 1;
    }

    private static String defaultRegion() {
        return new DefaultAwsRegionProviderChain().getRegion().id();
    }

    /** The RPDK runtime empties java.io.tmpdir on every request: the handler runs with a new one of its own. */
    private static void requirePrivateTmpDir() throws IOException {
        PrivateTmpDir.claim();
    }

    /** The handler's own log goes to target/cfn-local.log, out of the way of the step lines. */
    private static PrintStream handlerLog() throws IOException {
        final Path log = Path.of("target", "cfn-local.log");
        Files.createDirectories(log.getParent());
        final OutputStream file = Files.newOutputStream(log);
        return new PrintStream(file, true, StandardCharsets.UTF_8);
    }

    /** A command line mistake: one line to stderr and exit status 2. */
    static final class UsageError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageError(final String message) {
            super(message);
        }
    }

    /** Every option: its name, whether a value follows it, and what it sets. */
    enum Option {
        AWS("--aws", false, (options, option, value) -> options.aws = true),
        REGION("--region", true, (options, option, value) -> options.region = value),
        INPUTS("--inputs", true, (options, option, value) -> options.inputs = value),
        TEMPLATE("--template", true, (options, option, value) -> options.template = value),
        ENDPOINT("--endpoint", true, (options, option, value) -> options.endpoint = Options.endpoint(option, value)),
        PORT("--port", true, (options, option, value) -> options.port = Options.port(option, value)),
        API_PORT("--api-port", true, (options, option, value) -> options.apiPort = Options.port(option, value)),
        CLOUDCONTROL_PORT(
                "--cloudcontrol-port",
                true,
                (options, option, value) -> options.cloudControlPort = Options.port(option, value)),
        FAULTS("--faults", true, (options, option, value) -> options.faults = value),
        THROTTLE("--throttle", true, (options, option, value) -> options.throttle = value),
        PAGE_SIZE(
                "--page-size",
                true,
                (options, option, value) -> options.pageSize = (int) Options.number(option, value, 1, 100)),
        RESOURCES(
                "--resources",
                true,
                (options, option, value) -> options.resources = (int) Options.number(option, value, 1, 10_000)),
        STACKS(
                "--stacks",
                true,
                (options, option, value) -> options.stacks = (int) Options.number(option, value, 1, 100)),
        TIME_SCALE(
                "--time-scale", true, (options, option, value) -> options.timeScale = Options.timeScale(option, value)),
        BAD_INPUTS(
                "--bad-inputs",
                true,
                (options, option, value) -> options.badInputs = (int) Options.number(option, value, 0, 1_000_000)),
        SEED(
                "--seed",
                true,
                (options, option, value) ->
                        options.seed = Options.number(option, value, Long.MIN_VALUE, Long.MAX_VALUE)),
        API_ID("--api-id", true, (options, option, value) -> options.ids.put(SamTestEvent.API_ID, value)),
        INTEGRATION_ID(
                "--integration-id",
                true,
                (options, option, value) -> options.ids.put(SamTestEvent.INTEGRATION_ID, value)),
        INTEGRATION_RESPONSE_ID(
                "--integration-response-id",
                true,
                (options, option, value) -> options.ids.put(SamTestEvent.RESPONSE_ID, value));

        /** As the command line spells it, e.g. {@code --api-port}. */
        final String spelling;

        final boolean takesValue;
        final Options.Setter setter;

        Option(final String spelling, final boolean takesValue, final Options.Setter setter) {
            this.spelling = spelling;
            this.takesValue = takesValue;
            this.setter = setter;
        }

        /** The option of that name, or null when there is none. */
        static Option named(final String spelling) {
            for (final Option option : values()) {
                if (option.spelling.equals(spelling)) {
                    return option;
                }
            }
            return null;
        }
    }

    /** The options every command shares; each rejects what it does not take. */
    static final class Options {
        boolean aws;
        String region;
        /** The inputs directory given, or null for the command's own default. */
        String inputs;

        String template;
        String faults;
        int badInputs = Chaos.DEFAULT_BAD_INPUTS;
        long seed = 1L;
        String endpoint = "http://127.0.0.1:" + LocalLambdaEndpoint.DEFAULT_PORT;
        int port = LocalLambdaEndpoint.DEFAULT_PORT;
        int apiPort;
        int cloudControlPort;
        /** The local API Gateway V2's list page size, 0 for the service's own (100). */
        int pageSize;
        /** The sam-tests placeholders given on the command line, by placeholder name. */
        final Map<String, String> ids = new HashMap<>();

        String throttle;
        int resources;
        int stacks = 1;
        TimeScale timeScale = TimeScale.REAL_TIME;
        final List<String> positional = new ArrayList<>();

        /** What an option's value sets; {@code value} is null for an option that takes none. */
        @FunctionalInterface
        interface Setter {
            void set(Options options, String option, String value);
        }

        static Options parse(final Command command, final Deque<String> words) {
            final Options options = new Options();
            while (!words.isEmpty()) {
                String word = words.poll();
                if (!word.startsWith("--")) {
                    options.positional.add(word);
                    continue;
                }
                if (word.contains("=")) {
                    // --port=3002: the value after '=' comes next
                    words.push(word.substring(word.indexOf('=') + 1));
                    word = word.substring(0, word.indexOf('='));
                }
                final Option option = Option.named(word);
                if (option == null || !command.options().contains(option)) {
                    throw new UsageError(command.name() + " does not take " + word);
                }
                String value = null;
                if (option.takesValue) {
                    value = words.poll();
                    if (value == null || value.startsWith("--")) {
                        throw new UsageError(
                                word + " needs a value" + (value == null ? "" : ", not the option " + value));
                    }
                }
                option.setter.set(options, word, value);
            }
            if (!command.takesArguments() && !options.positional.isEmpty()) {
                throw new UsageError(command.name() + " takes no argument '" + options.positional.get(0) + "'");
            }
            return options;
        }

        /** An http(s) URL with a host, e.g. http://127.0.0.1:3001. */
        private static String endpoint(final String option, final String value) {
            try {
                final URI uri = new URI(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return value;
                }
            } catch (final java.net.URISyntaxException e) {
                // the message below says what is expected
            }
            throw new UsageError(option + " takes an http:// URL, e.g. http://127.0.0.1:3001, not '" + value + "'");
        }

        private static TimeScale timeScale(final String option, final String value) {
            try {
                return new TimeScale(Double.parseDouble(value));
            } catch (final IllegalArgumentException e) { // NumberFormatException among them
                throw new UsageError(option + " takes a number above 0 and at most 1, e.g. 0.25, not '" + value + "'");
            }
        }

        private static int port(final String option, final String value) {
            return (int) number(option, value, 0, 65_535);
        }

        private static long number(final String option, final String value, final long min, final long max) {
            try {
                final long number = Long.parseLong(value);
                if (number < min || number > max) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (final NumberFormatException e) {
                throw new UsageError(
                        option + " takes a whole number from " + min + " to " + max + ", not '" + value + "'");
            }
        }
    }
}
