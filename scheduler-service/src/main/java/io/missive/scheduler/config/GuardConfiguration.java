package io.missive.scheduler.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.missive.schemas.audit.AuditTrail;
import io.missive.scheduler.guard.jdbc.JdbcGuardStore;
import io.missive.scheduler.guard.review.GuardDesk;
import io.missive.scheduler.guard.review.GuardMetrics;
import io.missive.scheduler.guard.review.GuardRules;
import io.missive.scheduler.guard.review.GuardedAcceptance;
import io.missive.scheduler.program.ProgramService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the send guard: its store, its compiled rules, the screening at acceptance, the admin desk, metrics, audit. */
@Configuration(proxyBeanMethods = false)
public class GuardConfiguration {

    @Bean
    JdbcGuardStore guardStore(JdbcTemplate jdbc) {
        return new JdbcGuardStore(jdbc);
    }

    @Bean
    GuardRules guardRules(GuardProperties guard, SchedulerProperties scheduler, JdbcGuardStore store, Clock clock) {
        return new GuardRules(guard.policy(), store, scheduler.linkBaseUrl(), guard.listsTtl(), clock);
    }

    /** {@code missive.guard.attempts{check, mode}}: what the guard found, by check and by the mode the check was in. */
    @Bean
    GuardMetrics guardMetrics(MeterRegistry registry) {
        return (check, mode) -> Counter.builder("missive.guard.attempts")
                .description("Commands the send guard found something in, by check and mode")
                .tag("check", check.label()).tag("mode", mode.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }

    @Bean
    GuardedAcceptance guardedAcceptance(GuardRules rules, JdbcGuardStore store, GuardMetrics metrics, Clock clock) {
        return new GuardedAcceptance(rules, store, metrics, clock);
    }

    @Bean
    GuardDesk guardDesk(JdbcGuardStore store, GuardRules rules, ProgramService programs, AuditTrail audit, Clock clock) {
        return new GuardDesk(store, store, rules, programs, audit, clock);
    }
}
