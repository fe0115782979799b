package io.missive.scheduler.rendering;

/** A template (or a raw recipient's variables) names a variable that Missive does not know. */
public final class UnknownVariableException extends RuntimeException {

    private final String variable;

    public UnknownVariableException(String variable) {
        super("unknown variable {" + variable + "}; known variables are " + java.util.Arrays.toString(Variable.values()));
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
