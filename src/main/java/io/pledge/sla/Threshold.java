package io.pledge.sla;

import io.pledge.core.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * A point of a clock's target at which Pledge warns or declares the breach: either a fraction of the
 * target ({@code ratio}: 0.75, 0.9; 1 is the breach) or a lead before the due instant ({@code beforeDue},
 * business time: "30 minutes before due"). Exactly one of the two is set.
 */
public record Threshold(BigDecimal ratio, Duration beforeDue) {

    public static final Threshold BREACH = new Threshold(BigDecimal.ONE, null);

    public Threshold {
        if ((ratio == null) == (beforeDue == null)) {
            throw new IllegalArgumentException("a threshold is either a ratio or a lead before due");
        }
        if (ratio != null && !Numbers.inRange(ratio)) {
            throw new IllegalArgumentException("a ratio must have " + Numbers.RANGE);
        }
        if (ratio != null && (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("a ratio is above 0 and at most 1, got " + ratio);
        }
        if (beforeDue != null && (beforeDue.isNegative() || beforeDue.isZero())) {
            throw new IllegalArgumentException("a lead before due is positive, got " + beforeDue);
        }
        ratio = ratio == null ? null : ratio.stripTrailingZeros();
    }

    public static Threshold ratio(BigDecimal ratio) {
        return new Threshold(Objects.requireNonNull(ratio, "ratio"), null);
    }

    public static Threshold beforeDue(Duration lead) {
        return new Threshold(null, Objects.requireNonNull(lead, "lead"));
    }

    /** The threshold named by {@link #key()}. */
    public static Threshold parse(String key) {
        return key.startsWith("P") ? beforeDue(Duration.parse(key)) : ratio(new BigDecimal(key));
    }

    public boolean isBreach() {
        return ratio != null && ratio.compareTo(BigDecimal.ONE) == 0;
    }

    /** Its stable name, stored with each firing: {@code 0.75}, {@code 1}, {@code PT30M}. */
    public String key() {
        return ratio != null ? ratio.toPlainString() : beforeDue.toString();
    }

    /**
     * The business time elapsed at which a clock with this target reaches the threshold: a fraction of
     * the target rounded down to the nanosecond, or the target less the lead (zero when the lead is
     * longer than the target: such a clock is that close to due from its start).
     */
    public Duration elapsedAt(Duration target) {
        if (beforeDue != null) {
            Duration left = target.minus(beforeDue);
            return left.isNegative() ? Duration.ZERO : left;
        }
        if (isBreach()) {
            return target;
        }
        return Duration.ofNanos(BigDecimal.valueOf(target.toNanos())
                .multiply(ratio)
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact());
    }

    /** How a timeline names it: "0.75 of PT4H", "PT30M before due of PT4H", "target PT4H". */
    public String describe(Duration target) {
        if (isBreach()) {
            return "target " + target;
        }
        return (ratio != null ? ratio.toPlainString() : beforeDue + " before due") + " of " + target;
    }

    @Override
    public String toString() {
        return key();
    }
}
