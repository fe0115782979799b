package io.missive.console.people.jdbc;

import io.missive.console.people.People;
import io.missive.console.people.Person;
import io.missive.console.people.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPeople implements People {

    private final JdbcClient jdbc;

    JdbcPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Person> find(String email) {
        return jdbc.sql("select email, password_hash, role, failed_attempts, locked_until, aircall_number_id from people where email = ?")
                .param(Person.normalise(email))
                .query((rs, row) -> new Person(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getInt(4),
                        instant(rs.getTimestamp(5)), rs.getString(6)))
                .optional();
    }

    @Override
    public boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from people where role = 'ADMIN')").query(Boolean.class).single();
    }

    @Override
    public List<Person> all() {
        return jdbc.sql("select email, password_hash, role, failed_attempts, locked_until, aircall_number_id from people order by email")
                .query((rs, row) -> new Person(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getInt(4),
                        instant(rs.getTimestamp(5)), rs.getString(6)))
                .list();
    }

    @Override
    public boolean add(String email, String passwordHash, Role role, String createdBy) {
        return jdbc.sql("insert into people (email, password_hash, role, created_by) values (?, ?, ?, ?) on conflict do nothing")
                .params(Person.normalise(email), passwordHash, role.name(), createdBy).update() == 1;
    }

    @Override
    public Set<String> heldAdmins() {
        return Set.copyOf(jdbc.sql("select email from people where role = 'ADMIN' for update").query(String.class).list());
    }

    @Override
    public boolean changeRole(String email, Role role) {
        return jdbc.sql("update people set role = ? where email = ?").params(role.name(), Person.normalise(email)).update() == 1;
    }

    @Override
    public boolean remove(String email) {
        return jdbc.sql("delete from people where email = ?").param(Person.normalise(email)).update() == 1;
    }

    @Override
    public boolean setAircallNumber(String email, @Nullable String aircallNumberId) {
        return jdbc.sql("update people set aircall_number_id = ? where email = ?").params(aircallNumberId, Person.normalise(email)).update() == 1;
    }

    @Override
    public int recordFailure(String email) {
        return jdbc.sql("update people set failed_attempts = failed_attempts + 1 where email = ? returning failed_attempts")
                .param(Person.normalise(email)).query(Integer.class).optional().orElse(0);
    }

    @Override
    public void lock(String email, Instant until) {
        jdbc.sql("update people set locked_until = ?, failed_attempts = 0 where email = ?")
                .params(Timestamp.from(until), Person.normalise(email)).update();
    }

    @Override
    public void recordSuccess(String email) {
        jdbc.sql("update people set failed_attempts = 0, locked_until = null where email = ?").param(Person.normalise(email)).update();
    }

    @Override
    public @Nullable Instant lockedUntil(String email) {
        return find(email).map(Person::lockedUntil).orElse(null);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
