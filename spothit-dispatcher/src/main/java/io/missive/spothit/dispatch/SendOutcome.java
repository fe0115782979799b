package io.missive.spothit.dispatch;

/** What became of one SpotHit call. */
public sealed interface SendOutcome {

    /** {@code {"resultat":1,"id":…}}: every recipient of the call is sent under SpotHit's campaign id. */
    record Accepted(String spotHitMessageId) implements SendOutcome {
    }

    /** {@code {"resultat":0,"erreurs":"…"}} with a definitive code: sending again would not help. */
    record Refused(String codes, String meaning) implements SendOutcome {
        public String reason() {
            return "SPOTHIT_" + codes + ": " + meaning;
        }
    }

    /** Not sent, for a reason that may pass (5xx, rate limit, connection refused, open circuit). */
    record Unavailable(String reason) implements SendOutcome {
    }

    /** Sent, but no usable answer came back (a timeout after sending): SpotHit may have accepted it. */
    record Unknown(String reason) implements SendOutcome {
    }
}
