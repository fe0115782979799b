package io.missive.console.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LastAdminUnitTest {

    private static final Person ADA = new Person("ada@missive.test", "{noop}x", Role.ADMIN, 0, null);
    private static final Person BOB = new Person("bob@missive.test", "{noop}x", Role.ADMIN, 0, null);
    private static final Person CLEO = new Person("cleo@missive.test", "{noop}x", Role.STAFF, 0, null);

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemoved() {
        var admins = Set.of(ADA.email());
        assertThat(LastAdmin.roleChange(admins, Optional.of(ADA), Role.STAFF)).isEqualTo(PeopleChange.LAST_ADMIN);
        assertThat(LastAdmin.removal(admins, Optional.of(ADA))).isEqualTo(PeopleChange.LAST_ADMIN);
    }

    @Test
    void anAdminWithAnotherAdminBesideCanBeDemotedOrRemovedEvenByThemselves() {
        var admins = Set.of(ADA.email(), BOB.email());
        assertThat(LastAdmin.roleChange(admins, Optional.of(ADA), Role.STAFF)).isEqualTo(PeopleChange.DONE);
        assertThat(LastAdmin.removal(admins, Optional.of(BOB))).isEqualTo(PeopleChange.DONE);
    }

    @Test
    void staffAreRemovedOrPromotedWhateverTheAdmins() {
        var admins = Set.of(ADA.email());
        assertThat(LastAdmin.roleChange(admins, Optional.of(CLEO), Role.ADMIN)).isEqualTo(PeopleChange.DONE);
        assertThat(LastAdmin.removal(admins, Optional.of(CLEO))).isEqualTo(PeopleChange.DONE);
    }

    @Test
    void theSameRoleAgainChangesNothingAndNobodyIsNoSuchPerson() {
        var admins = Set.of(ADA.email());
        assertThat(LastAdmin.roleChange(admins, Optional.of(ADA), Role.ADMIN)).isEqualTo(PeopleChange.UNCHANGED);
        assertThat(LastAdmin.roleChange(admins, Optional.empty(), Role.STAFF)).isEqualTo(PeopleChange.NO_SUCH_PERSON);
        assertThat(LastAdmin.removal(admins, Optional.empty())).isEqualTo(PeopleChange.NO_SUCH_PERSON);
    }
}
