package com.community.apigatewayv2.integrationresponse.local.bench;

import com.community.apigatewayv2.integrationresponse.HandlerWrapper;
import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * The figures {@code bin/bench} prints, one {@code name: value} line each. Every ratio compares the
 * handler with a bare SDK call measured side by side, interleaved, in the same run.
 *
 * <pre>
 * Bench ENDPOINT HANDLER_JAR DRIVER_DIR WORK_DIR   the figures, against the emulator at ENDPOINT
 * Bench calls                                      api_calls_* against an emulator in this JVM
 * Bench cloudcontrol                               cloudcontrol_*: the local Cloud Control API's own cost
 * </pre>
 *
 * Run it with a private {@code java.io.tmpdir}: the RPDK runtime empties it on every request.
 */
public final class Bench {

    /** The flags Lambda's Java runtimes start the JVM with, used on both sides of the cold start. */
    static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private static final int COLD_RUNS = 7;
    private static final int WARM_UP = 300;
    private static final int WARM_OPERATIONS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private final Path handlerJar;
    private final Path driverDir;
    private final Path workDir;
    private final ApiGatewayV2Client setupClient;
    private final String apiId;

    private Bench(String endpoint, Path handlerJar, Path driverDir, Path workDir) {
        this.endpoint = endpoint;
        this.handlerJar = handlerJar;
        this.driverDir = driverDir;
        this.workDir = workDir;
        this.setupClient = BareSdkDriver.client();
        this.apiId = setupClient
                .createApi(request -> request.name("bench")
                        .protocolType(ProtocolType.WEBSOCKET)
                        .routeSelectionExpression("$request.body.action"))
                .apiId();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && "calls".equals(args[0])) {
            ApiCalls.print();
            return;
        }
        if (args.length == 1 && "cloudcontrol".equals(args[0])) {
            CloudControlBench.print();
            return;
        }
        if (args.length != 4) {
            System.err.println(
                    "usage: Bench ENDPOINT HANDLER_JAR DRIVER_DIR WORK_DIR | Bench calls | Bench cloudcontrol");
            System.exit(2);
        }
        System.setProperty(LocalApiGatewayV2.ENDPOINT_PROPERTY, args[0]);
        Bench bench = new Bench(args[0], Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        print(
                "machine",
                Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        print("jar_mb", String.format(Locale.ROOT, "%.1f", Files.size(bench.handlerJar) / 1_048_576.0));
        progress("cold starts: " + COLD_RUNS + " JVMs each for the handler jar and the bare SDK");
        bench.coldStart();
        progress("warm invocations: " + WARM_UP + " to warm up, then " + WARM_OPERATIONS + " CREATEs each");
        bench.warmInvoke();
        progress("list: 1,000 and 10,000 responses");
        bench.list();
    }

    /** A line on stderr as each phase begins; the figures go to stdout. */
    private static void progress(String phase) {
        System.err.println("bench: " + phase);
    }

    static void print(String name, Object value) {
        System.out.println(name + ": " + value);
        System.out.flush();
    }

    private String newIntegration() {
        return setupClient
                .createIntegration(request -> request.apiId(apiId).integrationType(IntegrationType.MOCK))
                .integrationId();
    }

    // ---- cold start ----

    private void coldStart() throws Exception {
        String handlerIntegration = newIntegration();
        String bareIntegration = newIntegration();
        long[] handler = new long[COLD_RUNS];
        long[] bare = new long[COLD_RUNS];
        long handlerHeap = 0;
        long bareHeap = 0;
        for (int run = 0; run < COLD_RUNS; run++) {
            String key = "/cold" + run + "/";
            long[] handlerRun = coldRun(HandlerJarDriver.class.getName(), handlerIntegration, key, "handler-" + run);
            long[] bareRun = coldRun(BareSdkDriver.class.getName(), bareIntegration, key, "bare-" + run);
            handler[run] = handlerRun[0];
            bare[run] = bareRun[0];
            handlerHeap = Math.max(handlerHeap, handlerRun[1]);
            bareHeap = Math.max(bareHeap, bareRun[1]);
        }
        double handlerMedian = median(handler) / 1e6;
        double bareMedian = median(bare) / 1e6;
        print("cold_start_ratio", String.format(Locale.ROOT, "%.2f", handlerMedian / bareMedian));
        print("cold_start_handler_ms", String.format(Locale.ROOT, "%.0f", handlerMedian));
        print("cold_start_bare_sdk_ms", String.format(Locale.ROOT, "%.0f", bareMedian));
        print("cold_heap_mb", String.format(Locale.ROOT, "%.1f", handlerHeap / 1_048_576.0));
        print("cold_heap_bare_sdk_mb", String.format(Locale.ROOT, "%.1f", bareHeap / 1_048_576.0));
    }

    /** JVM start to the CREATE answer on standard output, in ns, and the live heap the child reports after it. */
    private long[] coldRun(String mainClass, String integrationId, String key, String name) throws Exception {
        Path tmp = Files.createDirectories(workDir.resolve("cold-tmp").resolve(name));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + tmp,
                "-Daws.region=us-east-1",
                "-D" + LocalApiGatewayV2.ENDPOINT_PROPERTY + "=" + endpoint,
                "-cp",
                handlerJar + File.pathSeparator + driverDir,
                mainClass,
                "create",
                apiId,
                integrationId,
                key));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(workDir.resolve(name + ".err").toFile());
        long start = System.nanoTime();
        Process child = builder.start();
        long elapsed = -1;
        long heap = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("CREATE ") && elapsed < 0) {
                    elapsed = System.nanoTime() - start;
                    if (!line.contains("IntegrationResponseId") && mainClass.equals(HandlerJarDriver.class.getName())) {
                        throw new IllegalStateException(name + " failed: " + line);
                    }
                } else if (line.startsWith("HEAP ")) {
                    heap = Long.parseLong(line.substring(5).trim());
                }
            }
        }
        if (child.waitFor() != 0 || elapsed < 0) {
            throw new IllegalStateException(name + " failed; see " + workDir.resolve(name + ".err"));
        }
        return new long[] {elapsed, heap};
    }

    // ---- warm invocations ----

    private void warmInvoke() throws IOException {
        HandlerWrapper wrapper = new HandlerWrapper();
        ApiGatewayV2Client bareClient = BareSdkDriver.client();
        String handlerIntegration = newIntegration();
        String bareIntegration = newIntegration();
        long[] handler = new long[WARM_OPERATIONS];
        long[] bare = new long[WARM_OPERATIONS];
        for (int i = 0; i < WARM_UP + WARM_OPERATIONS; i++) {
            String key = "/warm" + i + "/";
            long start = System.nanoTime();
            String response = HandlerJarDriver.invoke(
                    wrapper,
                    "CREATE",
                    HandlerJarDriver.properties(
                            apiId, handlerIntegration, null, key, "\"TemplateSelectionExpression\":\"$default\""));
            long handlerNanos = System.nanoTime() - start;
            if (!response.contains("\"SUCCESS\"")) {
                throw new IllegalStateException("handler CREATE failed: " + response);
            }
            start = System.nanoTime();
            BareSdkDriver.create(bareClient, apiId, bareIntegration, key);
            long bareNanos = System.nanoTime() - start;
            if (i >= WARM_UP) {
                handler[i - WARM_UP] = handlerNanos;
                bare[i - WARM_UP] = bareNanos;
            }
        }
        Arrays.sort(handler);
        Arrays.sort(bare);
        double p50 = percentile(handler, 50) / percentile(bare, 50);
        double p99 = percentile(handler, 99) / percentile(bare, 99);
        print("warm_invoke_ratio", String.format(Locale.ROOT, "%.2f (p50), %.2f (p99)", p50, p99));
        print(
                "warm_invoke_handler_us",
                String.format(
                        Locale.ROOT,
                        "%.0f (p50), %.0f (p99)",
                        percentile(handler, 50) / 1e3,
                        percentile(handler, 99) / 1e3));
        print(
                "warm_invoke_bare_sdk_us",
                String.format(
                        Locale.ROOT, "%.0f (p50), %.0f (p99)", percentile(bare, 50) / 1e3, percentile(bare, 99) / 1e3));
    }

    // ---- list ----

    private void list() throws Exception {
        String small = newIntegration();
        String large = newIntegration();
        seed(small, 1_000);
        seed(large, 10_000);
        HandlerWrapper wrapper = new HandlerWrapper();
        listAll(wrapper, small, false);
        long[] smallRun = listAll(wrapper, small, false);
        long[] largeRun = listAll(wrapper, large, false);
        long[] smallHeap = listAll(wrapper, small, true);
        long[] largeHeap = listAll(wrapper, large, true);
        print("list_1k_ms", String.format(Locale.ROOT, "%.0f (%d pages)", smallRun[0] / 1e6, smallRun[1]));
        print("list_10k_ms", String.format(Locale.ROOT, "%.0f (%d pages)", largeRun[0] / 1e6, largeRun[1]));
        print("list_1k_heap_mb", String.format(Locale.ROOT, "%.1f", smallHeap[2] / 1_048_576.0));
        print("list_10k_heap_mb", String.format(Locale.ROOT, "%.1f", largeHeap[2] / 1_048_576.0));
    }

    private void seed(String integrationId, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = "/r" + i + "/";
                created.add(pool.submit(() -> BareSdkDriver.create(setupClient, apiId, integrationId, key)));
            }
            for (Future<?> future : created) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Every page through the List handler, following nextToken: elapsed ns, pages, and (when
     * {@code measureHeap}) the largest live heap seen after a page, in bytes.
     */
    private long[] listAll(HandlerWrapper wrapper, String integrationId, boolean measureHeap) throws IOException {
        String properties = HandlerJarDriver.properties(apiId, integrationId, null, null, null);
        String nextToken = null;
        long pages = 0;
        long items = 0;
        long maxHeap = 0;
        long start = System.nanoTime();
        do {
            String request = HandlerJarDriver.handlerRequest("LIST", properties);
            if (nextToken != null) {
                request = request.substring(0, request.length() - 1) + ",\"nextToken\":"
                        + JSON.writeValueAsString(nextToken) + "}";
            }
            JsonNode response = JSON.readTree(HandlerJarDriver.invokeRaw(wrapper, request));
            if (!"SUCCESS".equals(response.path("status").asText())) {
                throw new IllegalStateException("LIST failed: " + response);
            }
            items += response.path("resourceModels").size();
            nextToken =
                    response.hasNonNull("nextToken") ? response.get("nextToken").asText() : null;
            pages++;
            if (measureHeap) {
                maxHeap = Math.max(maxHeap, HandlerJarDriver.liveHeapBytes());
            }
        } while (nextToken != null);
        long elapsed = System.nanoTime() - start;
        if (items == 0) {
            throw new IllegalStateException("LIST returned nothing");
        }
        return new long[] {elapsed, pages, maxHeap};
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentile(sorted, 50);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** HTTP requests the endpoint received per handler invocation, counted by an emulator in this JVM. */
    private static final class ApiCalls {
        private ApiCalls() {}

        static void print() throws IOException {
            try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start()) {
                System.setProperty(LocalApiGatewayV2.ENDPOINT_PROPERTY, emulator.url());
                ApiGatewayV2Client client = BareSdkDriver.client();
                String api = client.createApi(request -> request.name("calls")
                                .protocolType(ProtocolType.WEBSOCKET)
                                .routeSelectionExpression("$request.body.action"))
                        .apiId();
                String integration = client.createIntegration(
                                request -> request.apiId(api).integrationType(IntegrationType.MOCK))
                        .integrationId();
                HandlerWrapper wrapper = new HandlerWrapper();
                String templates = "\"TemplateSelectionExpression\":\"$default\"";

                emulator.resetCounts();
                String created = HandlerJarDriver.invoke(
                        wrapper, "CREATE", HandlerJarDriver.properties(api, integration, null, "/200/", templates));
                Bench.print("api_calls_create", total(emulator));
                String id = JSON.readTree(created)
                        .path("resourceModel")
                        .path("IntegrationResponseId")
                        .asText();
                String identified = HandlerJarDriver.properties(api, integration, id, "/200/", templates);

                emulator.resetCounts();
                HandlerJarDriver.invoke(wrapper, "READ", identified);
                Bench.print("api_calls_read", total(emulator));

                emulator.resetCounts();
                HandlerJarDriver.invoke(
                        wrapper,
                        "UPDATE",
                        HandlerJarDriver.properties(
                                api, integration, id, "/201/", "\"ContentHandlingStrategy\":\"CONVERT_TO_TEXT\""),
                        ",\"previousResourceProperties\":" + identified);
                Bench.print("api_calls_update", total(emulator));

                emulator.resetCounts();
                HandlerJarDriver.invoke(
                        wrapper, "LIST", HandlerJarDriver.properties(api, integration, null, null, null));
                Bench.print("api_calls_list_page", total(emulator));

                emulator.resetCounts();
                HandlerJarDriver.invoke(wrapper, "DELETE", identified);
                Bench.print("api_calls_delete", total(emulator));
            }
        }

        private static long total(LocalApiGatewayV2 emulator) {
            return emulator.requestCounts().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
