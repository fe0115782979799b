package io.missive.scheduler.program;

import io.missive.scheduler.CommandBlockedException;
import io.missive.scheduler.rendering.Template;
import io.missive.scheduler.rendering.Variable;
import java.util.Map;

/**
 * The send guard as acceptance sees it (issue 18): it screens the template, then every rendered message a page at
 * a time, before anything is stored or published. A page with a hit in block mode stops the acceptance; the
 * transaction rolls back and the command is recorded as a blocked attempt.
 */
public interface AcceptanceGuard {

    /** Opens the screening of one command. */
    Screening open(ProgramCommand command, Origin origin);

    interface Screening {

        void template(Template template);

        /** One sendable rendered message, and the values it was rendered with. */
        void message(String body, Map<Variable, String> values);

        /** After the template and after each page, before it is written: throws {@link Tripped} when the command must be held. */
        void checkpoint();

        /** The command was held: records the attempt and gives what to answer. */
        CommandBlockedException refused();

        /** The campaign was stored: records what a check in monitor mode found, if anything. */
        void accepted();

        /** A screening that finds nothing: the guard is off, or passed for a relaunch. */
        Screening PASS = new Screening() {
            @Override
            public void template(Template template) {
            }

            @Override
            public void message(String body, Map<Variable, String> values) {
            }

            @Override
            public void checkpoint() {
            }

            @Override
            public CommandBlockedException refused() {
                throw new IllegalStateException("a passing screening never holds a command");
            }

            @Override
            public void accepted() {
            }
        };
    }

    /** Stops an acceptance the guard holds; carries nothing, so it costs nothing to throw. */
    final class Tripped extends RuntimeException {

        public static final Tripped INSTANCE = new Tripped();

        private Tripped() {
            super("held by the send guard", null, false, false);
        }
    }

    /** No guard: for tests and tools that build a service by hand. */
    AcceptanceGuard NONE = (command, origin) -> Screening.PASS;

}
