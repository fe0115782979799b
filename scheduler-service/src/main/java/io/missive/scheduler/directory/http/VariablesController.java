package io.missive.scheduler.directory.http;

import io.missive.scheduler.rendering.Variable;
import io.missive.scheduler.directory.DirectoryLookup;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The variables a template may use: the built-in ones, and the per-parent ones the directory declares. */
@RestController
public class VariablesController {

    private final DirectoryLookup directory;

    public VariablesController(DirectoryLookup directory) {
        this.directory = directory;
    }

    /** {@code parents}: how many parents have a value; null for a built-in variable (it comes from the directory's fields). */
    public record VariableJson(String name, String placeholder, boolean builtIn, @Nullable Long parents) {
    }

    public record VariablesReply(List<VariableJson> variables) {
    }

    @GetMapping("/api/v1/variables")
    @Operation(summary = "Variables a template may use",
            description = "The six built-in variables, then every per-parent variable some parent of the directory has a value for, "
                    + "by name, with how many parents have one. A template using any other {NAME} is rejected (422 UNKNOWN_VARIABLE).")
    public VariablesReply variables() {
        var variables = new ArrayList<VariableJson>();
        for (var builtIn : Variable.values()) {
            variables.add(new VariableJson(builtIn.name(), builtIn.placeholder(), true, null));
        }
        directory.declaredVariables().forEach((name, parents) -> variables.add(new VariableJson(name, "{" + name + "}", false, parents)));
        return new VariablesReply(variables);
    }
}
