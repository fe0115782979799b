package io.missive.scheduler.directory.jdbc;

import io.missive.schemas.phones.PhoneNumbers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;

/**
 * V11: each parent keeps, beside its phone as written, the phone in E.164 when it is valid
 * ({@code valid_phone}, decision 0113), so resolution reads the verdict instead of parsing every phone again.
 * A Java migration because the verdict is libphonenumber's: the parents already stored are checked here,
 * a chunk at a time, in the migration's transaction.
 */
public class ValidPhoneMigration implements JavaMigration {

    private static final int CHUNK = 10_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "parent valid phone";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        try (var alter = connection.createStatement()) {
            alter.execute("alter table directory_parent add column valid_phone text");
        }
        checkStoredPhones(connection);
    }

    /** Writes the verdict of every parent whose phone was stored before the column (or without it). */
    static void checkStoredPhones(Connection connection) throws SQLException {
        var ids = new ArrayList<String>(CHUNK);
        var phones = new ArrayList<String>(CHUNK);
        try (var select = connection.prepareStatement("select id, phone from directory_parent where phone is not null and valid_phone is null")) {
            select.setFetchSize(CHUNK);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    var valid = PhoneNumbers.toE164(rows.getString(2));
                    if (valid.isPresent()) {
                        ids.add(rows.getString(1));
                        phones.add(valid.get());
                    }
                    if (ids.size() == CHUNK) {
                        write(connection, ids, phones);
                    }
                }
            }
        }
        write(connection, ids, phones);
    }

    private static void write(Connection connection, List<String> ids, List<String> phones) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (var update = connection.prepareStatement("""
                update directory_parent p set valid_phone = u.phone
                from unnest(?::text[], ?::text[]) u(id, phone) where p.id = u.id""")) {
            update.setArray(1, connection.createArrayOf("text", ids.toArray()));
            update.setArray(2, connection.createArrayOf("text", phones.toArray()));
            update.executeUpdate();
        }
        ids.clear();
        phones.clear();
    }
}
