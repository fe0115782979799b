package io.missive.scheduler.guard.review;

import io.missive.scheduler.CommandBlockedException;
import io.missive.scheduler.guard.GuardCheck;
import io.missive.scheduler.guard.GuardMode;
import io.missive.scheduler.guard.GuardScan;
import io.missive.scheduler.program.AcceptanceGuard;
import io.missive.scheduler.program.Origin;
import io.missive.scheduler.program.ProgramCommand;
import io.missive.scheduler.rendering.Template;
import io.missive.scheduler.rendering.Variable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send guard at acceptance: screens the template, then each rendered message (variables can carry links), and
 * records what it found as an attempt — pending when a check in block mode fired, not_blocked when only monitored.
 * When the template uses no variable but {@code {URL}}, every message is the template plus Missive's own tracked
 * link, so the template's screening stands for all of them and the messages are not screened one by one.
 */
public final class GuardedAcceptance implements AcceptanceGuard {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedAcceptance.class);
    /** Values Missive puts in itself: the tracked link, the supporter's Aircall number, the parent's security token. */
    private static final Set<Variable> MISSIVE_VALUES = EnumSet.of(Variable.URL, Variable.NUMERO_AIRCALL_ACCOMPAGNANTE,
            Variable.PARENT_SECURITY_TOKEN);

    private final GuardRules rules;
    private final AttemptStore attempts;
    private final GuardMetrics metrics;
    private final Clock clock;

    public GuardedAcceptance(GuardRules rules, AttemptStore attempts, GuardMetrics metrics, Clock clock) {
        this.rules = rules;
        this.attempts = attempts;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Screening open(ProgramCommand command, Origin origin) {
        if (origin.channel() == Origin.Channel.RELAUNCH || rules.policy().allOff()) {
            return Screening.PASS;
        }
        return new Guarded(command, origin, new GuardScan(rules.current()));
    }

    private final class Guarded implements Screening {

        private final ProgramCommand command;
        private final Origin origin;
        private final GuardScan scan;
        private final List<String> exempt = new ArrayList<>(3);
        private boolean perMessage;

        Guarded(ProgramCommand command, Origin origin, GuardScan scan) {
            this.command = command;
            this.origin = origin;
            this.scan = scan;
        }

        @Override
        public void template(Template template) {
            scan.template(template.text());
            perMessage = !Set.of(Variable.URL).containsAll(template.variables());
        }

        @Override
        public void message(String body, Map<Variable, String> values) {
            if (!perMessage) {
                return;
            }
            exempt.clear();
            for (var variable : MISSIVE_VALUES) {
                var value = values.get(variable);
                if (value != null && !value.isBlank()) {
                    exempt.add(value);
                }
            }
            scan.message(body, exempt);
        }

        @Override
        public void checkpoint() {
            if (scan.blocking()) {
                throw Tripped.INSTANCE;
            }
        }

        @Override
        public CommandBlockedException refused() {
            long id = record(AttemptStatus.PENDING);
            return new CommandBlockedException(id);
        }

        @Override
        public void accepted() {
            if (!scan.found()) {
                return;
            }
            try {
                record(AttemptStatus.NOT_BLOCKED);
            } catch (RuntimeException e) {
                // The campaign is stored and will be sent: a monitoring record must not undo that.
                LOG.warn("event=guard_monitor_not_recorded campaignId={} error={}", command.commandId(), e.toString());
            }
        }

        private long record(AttemptStatus status) {
            var fired = scan.fired();
            var blocking = EnumSet.noneOf(GuardCheck.class);
            for (var check : fired) {
                var mode = rules.policy().mode(check);
                if (mode == GuardMode.BLOCK) {
                    blocking.add(check);
                }
                metrics.attempt(check, mode);
            }
            long id = attempts.record(new GuardAttempt.New(command.commandId(), origin.channel(), status, fired, blocking,
                    scan.tallies(), scan.overflow(), command, origin.author(), clock.instant()));
            LOG.info("event=guard_attempt campaignId={} attempt={} status={} checks={}", command.commandId(), id, status.label(), fired);
            return id;
        }
    }
}
