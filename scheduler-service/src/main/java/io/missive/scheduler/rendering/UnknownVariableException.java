package io.missive.scheduler.rendering;

/** A template (or a raw recipient's variables) names a variable that Missive does not know. */
public final class UnknownVariableException extends RuntimeException {

    private final String variable;

    public UnknownVariableException(String variable) {
        super("unknown variable {" + variable + "}: it is neither built in " + java.util.Arrays.toString(Variable.values())
                + " nor declared by any parent in the directory (GET /api/v1/variables lists them)");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
