package com.community.apigatewayv2.integrationresponse.local.apigateway;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway's account-wide control-plane quota: one token bucket over every operation of the
 * emulator, {@code rate} tokens a second up to {@code burst}, starting full (the service's
 * defaults are 10 and 40). A request that finds no token is answered 429 TooManyRequestsException
 * and takes none.
 *
 * <p>The bucket's clock runs {@code 1 / timeScale} times faster than real time, so a run scaled by
 * 0.1 sees 100 requests a second let through, as if ten times as much time had passed.
 *
 * <p>{@link #violations()} checks what was let through without the bucket's arithmetic: in any
 * window of length t (account time) no more than {@code burst + rate * t} requests may have been
 * admitted.
 */
public final class AccountQuota {
    private static final Pattern SPEC = Pattern.compile("(\\d+(?:\\.\\d+)?)/(\\d+)");
    private static final double NANOS_PER_SECOND = 1e9;

    private final double rate;
    private final int burst;
    private final double timeScale;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final List<Long> admittedAt = new ArrayList<>();
    private double tokens;
    private long refilledAt;
    private long throttled;

    /**
     * @param rate tokens a second (account time)
     * @param burst the bucket's size
     * @param timeScale real seconds per account second, above 0 and at most 1
     * @param nanoClock a monotonic clock in nanoseconds
     */
    public AccountQuota(final double rate, final int burst, final double timeScale, final LongSupplier nanoClock) {
        if (!(rate > 0) || burst < 1) {
            throw new IllegalArgumentException("the quota needs a rate above 0 and a burst of at least 1");
        }
        this.rate = rate;
        this.burst = burst;
        this.timeScale = new TimeScale(timeScale).factor(); // the tooling's one check of a time scale
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.tokens = burst;
        this.refilledAt = startNanos;
    }

    /** A quota on the real clock. */
    public AccountQuota(final double rate, final int burst, final double timeScale) {
        this(rate, burst, timeScale, System::nanoTime);
    }

    /**
     * {@code RATE/BURST}, e.g. {@code 10/40}.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static AccountQuota parse(final String spec, final double timeScale) {
        final Matcher matcher = SPEC.matcher(spec == null ? "" : spec.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "--throttle takes RATE/BURST, requests a second and the burst, e.g. 10/40, not '" + spec + "'");
        }
        return new AccountQuota(Double.parseDouble(matcher.group(1)), Integer.parseInt(matcher.group(2)), timeScale);
    }

    /** Takes a token, or answers as the service does when there is none. */
    void admit() {
        if (!tryAcquire()) {
            throw ServiceException.tooManyRequests("Too Many Requests");
        }
    }

    /** Whether a token was there (and is now taken). */
    public synchronized boolean tryAcquire() {
        final long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) / timeScale / NANOS_PER_SECOND * rate);
        refilledAt = now;
        if (tokens < 1) {
            throttled++;
            return false;
        }
        tokens -= 1;
        admittedAt.add(now);
        return true;
    }

    public double rate() {
        return rate;
    }

    public int burst() {
        return burst;
    }

    public double timeScale() {
        return timeScale;
    }

    /** Requests let through so far. */
    public synchronized long admitted() {
        return admittedAt.size();
    }

    /** Requests answered 429 so far. */
    public synchronized long throttled() {
        return throttled;
    }

    /**
     * Admitted requests beyond what the quota allows: the largest excess, over every window
     * [t_i, t_j] between two admissions, of the count admitted in it over {@code burst + rate *
     * (t_j - t_i)}, rounded up; 0 when the bucket held.
     */
    public synchronized long violations() {
        final double[] seconds = new double[admittedAt.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = accountSeconds(admittedAt.get(i));
        }
        return excess(seconds, rate, burst);
    }

    /** The check itself, over admission times in account seconds, in order. */
    static long excess(final double[] admittedAt, final double rate, final int burst) {
        // count(i..j) = j - i + 1 <= burst + rate * (t_j - t_i)  for every i <= j, i.e.
        // (j + 1 - rate * t_j) + max over i <= j of (rate * t_i - i) <= burst
        double best = Double.NEGATIVE_INFINITY;
        double worstExcess = 0;
        for (int j = 0; j < admittedAt.length; j++) {
            best = Math.max(best, rate * admittedAt[j] - j);
            worstExcess = Math.max(worstExcess, j + 1 - rate * admittedAt[j] + best - burst);
        }
        return (long) Math.ceil(worstExcess - 1e-6);
    }

    private double accountSeconds(final long nanos) {
        return (nanos - startNanos) / timeScale / NANOS_PER_SECOND;
    }

    @Override
    public String toString() {
        // 10/40, as given; a fraction of a request a second only when there is one
        final String shownRate = rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
        return shownRate + "/" + burst + (timeScale == 1 ? "" : " at time scale " + timeScale);
    }
}
