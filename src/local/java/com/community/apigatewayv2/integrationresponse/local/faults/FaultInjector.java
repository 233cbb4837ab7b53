package com.community.apigatewayv2.integrationresponse.local.faults;

import com.community.apigatewayv2.integrationresponse.local.apigateway.FaultPlan;
import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.DroppedConnection;
import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import com.community.apigatewayv2.integrationresponse.local.faults.FaultSpec.Kind;
import com.community.apigatewayv2.integrationresponse.local.faults.FaultSpec.Rule;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The {@link FaultPlan} a {@link FaultSpec} describes, safe under concurrent requests: each
 * counted rule fires for exactly its next N matching requests, each percentage rule draws from
 * one seeded generator (so a run can be repeated). It counts every fault it injects.
 */
public final class FaultInjector implements FaultPlan {

    /**
     * How long a {@code timeout} fault holds a request: longer than the handler's per-attempt
     * client timeout (3 seconds), so the client gives up on the attempt.
     */
    public static final Duration DEFAULT_TIMEOUT_DELAY = Duration.ofSeconds(4);

    private final List<Rule> rules;
    private final int[] remaining;
    private final Duration timeoutDelay;
    private final SplittableRandom random;
    private final Map<Kind, Long> injected = new EnumMap<>(Kind.class);

    public FaultInjector(FaultSpec spec) {
        this(spec, DEFAULT_TIMEOUT_DELAY, 0L);
    }

    /**
     * @param timeoutDelay how long a {@code timeout} fault holds a request
     * @param seed         seeds the draws of percentage rules
     */
    public FaultInjector(FaultSpec spec, Duration timeoutDelay, long seed) {
        this.rules = Objects.requireNonNull(spec, "spec").rules();
        this.remaining = rules.stream().mapToInt(Rule::count).toArray();
        this.timeoutDelay = Objects.requireNonNull(timeoutDelay, "timeoutDelay");
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void beforeOperation(String operationName) {
        Rule rule = fire(operationName, kind -> kind != Kind.LOST);
        if (rule == null) {
            return;
        }
        switch (rule.kind()) {
            case STATUS -> throw statusError(rule.status());
            case RESET -> throw new DroppedConnection("fault: " + rule);
            default -> hold();
        }
    }

    @Override
    public void afterOperation(String operationName) {
        Rule rule = fire(operationName, kind -> kind == Kind.LOST);
        if (rule != null) {
            throw new DroppedConnection("fault: " + rule);
        }
    }

    /** Faults injected so far, all kinds together. */
    public synchronized long faultsInjected() {
        return injected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Faults injected so far, by kind; kinds never injected are absent. */
    public synchronized Map<Kind, Long> faultsInjectedByKind() {
        return Map.copyOf(injected);
    }

    /** The first rule of an allowed kind that fires for this request, counted; or null. */
    private synchronized Rule fire(String operationName, Predicate<Kind> allowed) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!allowed.test(rule.kind()) || !rule.matches(operationName)) {
                continue;
            }
            boolean fires;
            if (rule.count() > 0) {
                fires = remaining[i] > 0;
                if (fires) {
                    remaining[i]--;
                }
            } else {
                fires = random.nextInt(100) < rule.percent();
            }
            if (fires) {
                injected.merge(rule.kind(), 1L, Long::sum);
                return rule;
            }
        }
        return null;
    }

    private void hold() {
        try {
            Thread.sleep(timeoutDelay.toMillis());
        } catch (InterruptedException e) {
            // the emulator is closing: do not run the operation
            Thread.currentThread().interrupt();
            throw new DroppedConnection("interrupted while held");
        }
    }

    private static ServiceException statusError(int status) {
        return switch (status) {
            case 400 -> ServiceException.badRequest("Injected fault: bad request");
            case 404 -> ServiceException.notFound("Injected fault: not found");
            case 409 -> ServiceException.conflict("Injected fault: conflict");
            case 429 -> ServiceException.tooManyRequests("Too Many Requests");
            case 403 -> new ServiceException(403, "AccessDeniedException", "Injected fault: access denied");
            case 503 -> new ServiceException(503, "ServiceUnavailableException", "Service Unavailable");
            default ->
                new ServiceException(
                        status,
                        status >= 500 ? "InternalServerErrorException" : "BadRequestException",
                        "Injected fault: HTTP " + status);
        };
    }
}
