package io.missive.scheduler.guard.review;

import io.missive.scheduler.guard.GuardPolicy;
import io.missive.scheduler.guard.SendGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The guard compiled from the policy and the lists, kept for a few seconds: one read of the lists per interval,
 * not per command. A change made here is seen at once ({@link #changed()}); one made through another instance
 * within {@code ttl}.
 */
public final class GuardRules {

    private final GuardPolicy policy;
    private final GuardListStore lists;
    private final String linkBaseUrl;
    private final Duration ttl;
    private final Clock clock;
    private volatile @Nullable Compiled compiled;

    private record Compiled(SendGuard guard, Instant until) {
    }

    public GuardRules(GuardPolicy policy, GuardListStore lists, String linkBaseUrl, Duration ttl, Clock clock) {
        this.policy = policy;
        this.lists = lists;
        this.linkBaseUrl = linkBaseUrl;
        this.ttl = ttl;
        this.clock = clock;
    }

    public GuardPolicy policy() {
        return policy;
    }

    public SendGuard current() {
        var now = clock.instant();
        var cached = compiled;
        if (cached != null && now.isBefore(cached.until())) {
            return cached.guard();
        }
        var fresh = new Compiled(SendGuard.compile(policy, lists.load(), linkBaseUrl), now.plus(ttl));
        compiled = fresh;
        return fresh.guard();
    }

    public void changed() {
        compiled = null;
    }
}
