package com.community.apigatewayv2.integrationresponse.local.net;

import java.time.Duration;

/**
 * How fast the local tooling lets time pass: real seconds per unscaled second, above 0 and at most 1
 * (1 is real time, 0.01 a hundred times faster). Checked once, here; every wait the tooling scales
 * (callback delays, operation timeouts, a run's figures) goes through one of these.
 *
 * @param factor real seconds per unscaled second
 */
public record TimeScale(double factor) {
    public static final TimeScale REAL_TIME = new TimeScale(1.0);

    public TimeScale {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("the time scale must be above 0 and at most 1, not " + factor);
        }
    }

    public boolean isRealTime() {
        return factor == 1.0;
    }

    /** How long an unscaled wait really takes. */
    public Duration scaled(final Duration unscaled) {
        return Duration.ofNanos((long) (unscaled.toNanos() * factor));
    }

    /** The unscaled seconds that {@code nanos} of real time stand for. */
    public double unscaledSeconds(final long nanos) {
        return nanos / 1e9 / factor;
    }

    /** The factor alone, e.g. {@code 0.25}, as the tooling's messages show it. */
    @Override
    public String toString() {
        return Double.toString(factor);
    }
}
