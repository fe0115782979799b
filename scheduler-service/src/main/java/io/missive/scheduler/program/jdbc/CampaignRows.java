package io.missive.scheduler.program.jdbc;

import io.missive.events.ChannelChoice;
import io.missive.events.Provider;
import io.missive.scheduler.program.Campaign;
import io.missive.scheduler.program.PlannedMessage;
import io.missive.scheduler.program.ProgramCommand.AttachmentRef;
import io.missive.scheduler.rendering.Variable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How a campaign and its messages are laid out in their tables, and read back. */
final class CampaignRows {

    static final String MESSAGE_COLUMNS = """
            seq, message_id, recipient_key, parent_id, child_id, phone, supporter_id, body, segments, encoding, link_code,
            v_prenom_enfant, v_url, v_prenom_accompagnante, v_numero_aircall_accompagnante, v_parent_security_token,
            v_parent_address, failure, v_custom::text""";
    static final Variable[] VARIABLE_COLUMNS = {Variable.PRENOM_ENFANT, Variable.URL, Variable.PRENOM_ACCOMPAGNANTE,
            Variable.NUMERO_AIRCALL_ACCOMPAGNANTE, Variable.PARENT_SECURITY_TOKEN, Variable.PARENT_ADDRESS};

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    static final RowMapper<Campaign> CAMPAIGN = (rs, n) -> new Campaign(
            rs.getString("command_id"), Campaign.State.valueOf(rs.getString("state")), Provider.valueOf(rs.getString("provider")),
            rs.getString("template"), rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("accepted_at").toInstant(),
            rs.getInt("recipient_count"), rs.getInt("failed_count"), rs.getInt("dropped_count"), rs.getInt("published_seq"),
            rs.getBoolean("announced"), rs.getBoolean("cancel_announced"), attachment(rs),
            rs.getString("redirection_target_id"), rs.getString("redirection_url"), rs.getBoolean("quit_message"),
            rs.getString("workshop_id"), rs.getString("supporter_id"), rs.getString("aircall_number_id"), rs.getString("purpose"),
            notices(rs.getString("notices")), rs.getBoolean("urgent"), ChannelChoice.valueOf(rs.getString("channel")),
            rs.getString("media_id"));

    private static List<String> notices(@Nullable String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    /** The per-parent values of a message (those not built in), as JSON; null when it has none. */
    static @Nullable String customValues(PlannedMessage message) {
        var custom = new TreeMap<String, String>();
        message.values().forEach((name, value) -> {
            if (Variable.named(name).isEmpty()) {
                custom.put(name, value);
            }
        });
        return custom.isEmpty() ? null : JSON.writeValueAsString(custom);
    }

    static final RowMapper<PlannedMessage> MESSAGE = (rs, n) -> {
        var values = new HashMap<String, String>();
        for (int v = 0; v < VARIABLE_COLUMNS.length; v++) {
            var value = rs.getString(12 + v);
            if (value != null) {
                values.put(VARIABLE_COLUMNS[v].name(), value);
            }
        }
        var custom = rs.getString(19);
        if (custom != null) {
            values.putAll(JSON.readValue(custom, VALUES));
        }
        return new PlannedMessage(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11), values,
                rs.getString(18));
    };

    private static @Nullable AttachmentRef attachment(ResultSet rs) throws SQLException {
        var url = rs.getString("attachment_url");
        return url == null ? null : new AttachmentRef(rs.getString("attachment_file_name"), rs.getString("attachment_content_type"), url);
    }

    private CampaignRows() {
    }
}
