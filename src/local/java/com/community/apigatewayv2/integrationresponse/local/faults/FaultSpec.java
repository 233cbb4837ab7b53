package com.community.apigatewayv2.integrationresponse.local.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which requests the local API Gateway V2 answers with a fault, as written on a command line
 * ({@code bin/cfn-local serve --faults SPEC}) or in a test: rules separated by commas or
 * semicolons, each {@code OPERATION:FAULT xN} (the next N matching requests) or
 * {@code OPERATION:FAULT@P%} (each matching request with probability P percent).
 *
 * <ul>
 *   <li>{@code OPERATION}: a service operation name, e.g. {@code CreateIntegrationResponse}, or
 *       {@code *} for every operation.</li>
 *   <li>{@code FAULT}: an HTTP status from 400 to 599 (429 is TooManyRequestsException, 500 and
 *       503 are server errors); {@code reset}, the connection is dropped before the operation runs;
 *       {@code timeout}, the request is held past the client's timeout, then runs; {@code lost},
 *       the operation runs and the connection is dropped before the answer (an unknown outcome).</li>
 * </ul>
 *
 * <p>Examples: {@code CreateIntegrationResponse:429x3}, {@code GetIntegrationResponse:500@25%},
 * {@code *:reset x2}, {@code UpdateIntegrationResponse:timeout x1}. Rules are tried in order; the
 * first one that fires for a request decides its fault.
 */
public final class FaultSpec {

    /** What a rule does to a request it fires for. */
    public enum Kind {
        /** Answer with an HTTP error status instead of running the operation. */
        STATUS,
        /** Drop the connection without an answer; the operation does not run. */
        RESET,
        /** Hold the request past the client's timeout, then run it. */
        TIMEOUT,
        /** Run the operation, then drop the connection without an answer. */
        LOST
    }

    /**
     * One rule. Exactly one of {@code count} (the next N matching requests) and {@code percent}
     * (each matching request with that probability) is positive.
     */
    public record Rule(String operation, Kind kind, int status, int count, int percent) {
        public Rule {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.STATUS && (status < 400 || status > 599)) {
                throw new IllegalArgumentException("status must be 400..599: " + status);
            }
            if ((count > 0) == (percent > 0) || count < 0 || percent < 0 || percent > 100) {
                throw new IllegalArgumentException("a rule needs either a count (xN) or a percentage (@P%, 1..100)");
            }
        }

        boolean matches(String operationName) {
            return operation.equals("*") || operation.equals(operationName);
        }

        /** The rule as it is written. */
        @Override
        public String toString() {
            String fault =
                    kind == Kind.STATUS ? Integer.toString(status) : kind.name().toLowerCase(Locale.ROOT);
            // as README writes them: 429x3, 500@25%, reset x1 (a word and its count apart)
            return operation + ":" + fault + (kind == Kind.STATUS ? "" : " ")
                    + (count > 0 ? "x" + count : "@" + percent + "%");
        }
    }

    private static final Pattern RULE =
            Pattern.compile("(?<operation>\\*|[A-Za-z]+)\\s*:\\s*(?<fault>[0-9]{3}|[A-Za-z]+)\\s*"
                    + "(?:[xX]\\s*(?<count>[0-9]{1,9})|@\\s*(?<percent>[0-9]{1,3})\\s*%)");

    private final List<Rule> rules;

    private FaultSpec(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static FaultSpec of(Rule... rules) {
        return new FaultSpec(List.of(rules));
    }

    /**
     * Parses a spec; an empty or blank one has no rules.
     *
     * @throws IllegalArgumentException naming the rule that cannot be read and why
     */
    public static FaultSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            String ruleText = part.strip();
            if (ruleText.isEmpty()) {
                continue;
            }
            Matcher matcher = RULE.matcher(ruleText);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Cannot read fault rule '" + ruleText
                        + "': write OPERATION:FAULT xN or OPERATION:FAULT@P%, e.g. CreateIntegrationResponse:429x3");
            }
            String fault = matcher.group("fault").toLowerCase(Locale.ROOT);
            Kind kind;
            int status = 0;
            switch (fault) {
                case "reset" -> kind = Kind.RESET;
                case "timeout" -> kind = Kind.TIMEOUT;
                case "lost" -> kind = Kind.LOST;
                default -> {
                    if (!fault.chars().allMatch(Character::isDigit)) {
                        throw new IllegalArgumentException("Unknown fault '" + matcher.group("fault") + "' in rule '"
                                + ruleText + "': use an HTTP status 400..599, reset, timeout or lost");
                    }
                    kind = Kind.STATUS;
                    status = Integer.parseInt(fault);
                }
            }
            int count = matcher.group("count") == null ? 0 : Integer.parseInt(matcher.group("count"));
            int percent = matcher.group("percent") == null ? 0 : Integer.parseInt(matcher.group("percent"));
            try {
                rules.add(new Rule(matcher.group("operation"), kind, status, count, percent));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot use fault rule '" + ruleText + "': " + e.getMessage(), e);
            }
        }
        return new FaultSpec(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The spec in its canonical written form, which {@link #parse} reads back to an equal spec. */
    @Override
    public String toString() {
        return rules.stream().map(Rule::toString).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FaultSpec spec && spec.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }
}
