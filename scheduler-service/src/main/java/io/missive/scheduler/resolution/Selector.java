package io.missive.scheduler.resolution;

import io.missive.scheduler.CommandRejectedException;
import java.util.regex.Pattern;

/** A command's recipient selector: {@code parent.N}, {@code child.N}, {@code group.N} or {@code tag.N}. */
public sealed interface Selector {

    Pattern FORM = Pattern.compile("(parent|child|group|tag)\\.([A-Za-z0-9_-]+)");

    String id();

    static Selector parse(String text) {
        var matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new CommandRejectedException("INVALID_SELECTOR",
                    "recipient selector '" + text + "' is not parent.N, child.N, group.N or tag.N");
        }
        var id = matcher.group(2);
        return switch (matcher.group(1)) {
            case "parent" -> new ParentSelector(id);
            case "child" -> new ChildSelector(id);
            case "group" -> new GroupSelector(id);
            default -> new TagSelector(id);
        };
    }

    record ParentSelector(String id) implements Selector {
        @Override
        public String toString() {
            return "parent." + id;
        }
    }

    record ChildSelector(String id) implements Selector {
        @Override
        public String toString() {
            return "child." + id;
        }
    }

    record GroupSelector(String id) implements Selector {
        @Override
        public String toString() {
            return "group." + id;
        }
    }

    record TagSelector(String id) implements Selector {
        @Override
        public String toString() {
            return "tag." + id;
        }
    }
}
