package uk.gov.essex.mace.ratelimit;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * The hub's rate limits, one set of token buckets per kind of request. The settings can be
 * replaced while the hub runs ({@link #apply}), which empties every bucket and lockout: operators
 * can tighten limits during an incident, and tests can use tiny ones without another application
 * context.
 */
@Component
public class RateLimits {

    /** What a limit is counted against. */
    enum Kind { LOGIN_ADDRESS, TOKEN_ADDRESS, TOKEN_CLIENT, WRITE_USER, WRITE_CLIENT }

    private final Clock clock;
    private final AuditTrail audit;
    private volatile LimitProperties settings;
    private volatile Map<Kind, TokenBuckets> buckets;
    private volatile Lockouts lockouts;

    RateLimits(LimitProperties settings, Clock clock, AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
        apply(settings);
    }

    /** Replaces the settings and forgets every count and lockout so far. */
    public synchronized void apply(LimitProperties settings) {
        this.buckets = Map.of(
                Kind.LOGIN_ADDRESS, new TokenBuckets(settings.loginPerAddress(), clock),
                Kind.TOKEN_ADDRESS, new TokenBuckets(settings.tokenPerAddress(), clock),
                Kind.TOKEN_CLIENT, new TokenBuckets(settings.tokenPerClient(), clock),
                Kind.WRITE_USER, new TokenBuckets(settings.writesPerUser(), clock),
                Kind.WRITE_CLIENT, new TokenBuckets(settings.writesPerClient(), clock));
        this.lockouts = new Lockouts(settings, clock);
        this.settings = settings;
    }

    public LimitProperties settings() {
        return settings;
    }

    boolean enabled() {
        return settings.enabled();
    }

    Lockouts lockouts() {
        return lockouts;
    }

    /**
     * Counts one request against {@code key} under {@code kind}: 0 if allowed, else milliseconds
     * to wait. The first refusal of a run is audited (not every one: a flood must not flood the trail).
     */
    long take(Kind kind, String key, HubPrincipal who) {
        if (!settings.enabled()) {
            return 0;
        }
        TokenBuckets bucketsOfKind = buckets.get(kind);
        long wait = bucketsOfKind.take(key);
        if (wait > 0 && bucketsOfKind.firstRefusal(key)) {
            audit.append(AuditEvent.of(who, "rate.limited", AuditEvent.Outcome.REJECTED)
                    .with("limit", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .with("retryAfterSeconds", Long.toString(seconds(wait))));
        }
        return wait;
    }

    static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
