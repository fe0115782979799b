package io.missive.scheduler.resolution;

import io.missive.scheduler.CommandRejectedException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One entry of a command's recipients: a selector, or a raw phone with its explicit variables. */
public record RecipientRequest(@Nullable String selector, @Nullable String phone, Map<String, String> variables) {

    public RecipientRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        boolean hasSelector = selector != null && !selector.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        if (hasSelector == hasPhone) {
            throw new CommandRejectedException("INVALID_RECIPIENT",
                    "each recipient needs exactly one of selector or phone (got selector=" + selector + ")");
        }
    }

    public static RecipientRequest selector(String selector) {
        return new RecipientRequest(selector, null, Map.of());
    }

    public static RecipientRequest phone(String phone, Map<String, String> variables) {
        return new RecipientRequest(null, phone, variables);
    }
}
