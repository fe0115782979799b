package io.missive.scheduler.retention;

import io.missive.schemas.retention.PurgeRule;
import io.missive.schemas.retention.RetentionProperties;
import java.util.List;

/**
 * What the scheduler purges (docs/decisions/0022): a campaign finished (published or cancelled) longer ago than the
 * message-bodies age keeps its row, counts and each message's id, seq and failure; phones, bodies, recipients and
 * variables go, and its drops are deleted. The directory is the upstream's copy (its tombstones delete) and the
 * opt-outs are never purged.
 */
public final class SchedulerRetention {

    private static final String FINISHED_BEFORE_CUTOFF =
            "select command_id from campaign where not messages_redacted and state <> 'PLANNED' and coalesce(published_at, cancelled_at) < ?";

    private SchedulerRetention() {
    }

    public static List<PurgeRule> rules(RetentionProperties policy) {
        return List.of(
                PurgeRule.redact("message_bodies", "campaign_message", """
                        phone = '', body = '', recipient_key = 'redacted', link_code = null, v_prenom_enfant = null, v_url = null,
                        v_prenom_accompagnante = null, v_numero_aircall_accompagnante = null, v_parent_security_token = null,
                        v_parent_address = null, v_custom = null""",
                        "body <> '' and command_id in (" + FINISHED_BEFORE_CUTOFF + ")", policy.messageBodies()),
                PurgeRule.delete("message_bodies", "campaign_drop", "command_id in (" + FINISHED_BEFORE_CUTOFF + ")", policy.messageBodies()),
                // Runs after the two above: a campaign with nothing left to redact is marked, so later runs skip it.
                PurgeRule.redact("message_bodies", "campaign", "messages_redacted = true", """
                        not messages_redacted and state <> 'PLANNED' and coalesce(published_at, cancelled_at) < ?
                        and not exists (select 1 from campaign_message m where m.command_id = campaign.command_id and m.body <> '')""",
                        policy.messageBodies()));
    }
}
