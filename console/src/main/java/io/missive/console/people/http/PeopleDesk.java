package io.missive.console.people.http;

import io.missive.console.people.LastAdmin;
import io.missive.console.people.People;
import io.missive.console.people.PeopleChange;
import io.missive.console.people.Person;
import io.missive.console.people.Role;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adding a person, changing their role or their own Aircall number, removing them: each stored and audited in one transaction, the entry
 * acknowledged before the commit, so a change the audit trail did not record does not happen (decision 0021; the
 * trail away, {@link io.missive.schemas.audit.AuditUnavailableException} and nothing changed). The admins are held for
 * the transaction, so the last one cannot be demoted or removed even by two admins at once ({@link LastAdmin}).
 */
@Component
public class PeopleDesk {

    private final People people;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    PeopleDesk(People people, PasswordEncoder passwords, AuditTrail audit, TransactionTemplate tx) {
        this.people = people;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
    }

    /** @return false when the e-mail already has an account (nothing recorded then) */
    public boolean add(String email, String password, Role role, AuditAct.Caller caller) {
        var normalised = Person.normalise(email);
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!people.add(normalised, passwords.encode(password), role, caller.actor())) {
                return false;
            }
            audit.record(AuditAct.of(caller, "user.add", "user:" + normalised, Map.of("role", role.name())));
            return true;
        }));
    }

    /** {@code user.role}, with the role before and after; the person's session carries the new one from their next request. */
    public PeopleChange changeRole(String email, Role role, AuditAct.Caller caller) {
        var normalised = Person.normalise(email);
        return Objects.requireNonNull(tx.execute(status -> {
            var admins = people.heldAdmins();
            var person = people.find(normalised);
            var change = LastAdmin.roleChange(admins, person, role);
            if (change != PeopleChange.DONE || !people.changeRole(normalised, role)) {
                return change == PeopleChange.DONE ? PeopleChange.NO_SUCH_PERSON : change;
            }
            audit.record(AuditAct.of(caller, "user.role", "user:" + normalised,
                    Map.of("role", role.name(), "previousRole", person.orElseThrow().role().name())));
            return PeopleChange.DONE;
        }));
    }

    /** {@code user.remove}, with the role they had; their open session ends at their next request. */
    public PeopleChange remove(String email, AuditAct.Caller caller) {
        var normalised = Person.normalise(email);
        return Objects.requireNonNull(tx.execute(status -> {
            var admins = people.heldAdmins();
            var person = people.find(normalised);
            var change = LastAdmin.removal(admins, person);
            if (change != PeopleChange.DONE || !people.remove(normalised)) {
                return change == PeopleChange.DONE ? PeopleChange.NO_SUCH_PERSON : change;
            }
            audit.record(AuditAct.of(caller, "user.remove", "user:" + normalised, Map.of("role", person.orElseThrow().role().name())));
            return PeopleChange.DONE;
        }));
    }

    /**
     * {@code user.aircall}: the person's own Aircall number, Compose's default when they send through Aircall (null
     * removes it). Audited with the change: it decides which line families see by default.
     *
     * @return false when nobody has that e-mail (nothing recorded then)
     */
    public boolean setAircallNumber(String email, @Nullable String aircallNumberId, AuditAct.Caller caller) {
        var normalised = Person.normalise(email);
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!people.setAircallNumber(normalised, aircallNumberId)) {
                return false;
            }
            audit.record(AuditAct.of(caller, "user.aircall", "user:" + normalised,
                    Map.of("aircallNumberId", aircallNumberId == null ? "" : aircallNumberId)));
            return true;
        }));
    }
}
