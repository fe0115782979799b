package io.missive.console.people;

import java.util.Optional;
import java.util.Set;

/**
 * The console keeps an admin: with none, nobody could manage people or API keys again short of editing the database
 * (the first-start variables make an admin only when a start finds none). So the last admin can be neither demoted
 * nor removed; any other change is allowed, an admin's own included.
 */
public final class LastAdmin {

    private LastAdmin() {
    }

    /** Whether {@code person} may be given {@code role}, the current admins being {@code admins}. */
    public static PeopleChange roleChange(Set<String> admins, Optional<Person> person, Role role) {
        if (person.isEmpty()) {
            return PeopleChange.NO_SUCH_PERSON;
        }
        if (person.get().role() == role) {
            return PeopleChange.UNCHANGED;
        }
        return role != Role.ADMIN && isLast(admins, person.get()) ? PeopleChange.LAST_ADMIN : PeopleChange.DONE;
    }

    /** Whether {@code person} may be removed, the current admins being {@code admins}. */
    public static PeopleChange removal(Set<String> admins, Optional<Person> person) {
        if (person.isEmpty()) {
            return PeopleChange.NO_SUCH_PERSON;
        }
        return isLast(admins, person.get()) ? PeopleChange.LAST_ADMIN : PeopleChange.DONE;
    }

    private static boolean isLast(Set<String> admins, Person person) {
        return person.role() == Role.ADMIN && admins.stream().allMatch(person.email()::equals);
    }
}
