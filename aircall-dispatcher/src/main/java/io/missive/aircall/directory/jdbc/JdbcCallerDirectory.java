package io.missive.aircall.directory.jdbc;

import io.missive.aircall.directory.Caller;
import io.missive.aircall.directory.CallerDirectory;
import io.missive.aircall.directory.DirectoryChanges;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The caller directory in {@code aircall.directory_parent} and {@code aircall.directory_child}. */
public final class JdbcCallerDirectory implements CallerDirectory {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcCallerDirectory(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<Caller> byPhone(String e164) {
        var parent = jdbc.sql("select parent_id, first_name from directory_parent where phone = :phone order by parent_id limit 1")
                .param("phone", e164)
                .query((rs, row) -> new String[] {rs.getString("parent_id"), rs.getString("first_name")})
                .optional();
        return parent.map(found -> new Caller(found[0], found[1], jdbc.sql("""
                        select first_name from directory_child
                        where parent_id = :parent and first_name is not null and first_name <> ''
                        order by first_name, child_id
                        """)
                .param("parent", found[0])
                .query(String.class)
                .list()));
    }

    @Override
    public void apply(DirectoryChanges changes) {
        transactions.executeWithoutResult(status -> {
            for (var parent : changes.parents()) {
                jdbc.sql("""
                                insert into directory_parent (parent_id, phone, first_name) values (:id, :phone, :name)
                                on conflict (parent_id) do update set phone = excluded.phone, first_name = excluded.first_name
                                """)
                        .param("id", parent.id()).param("phone", parent.phone()).param("name", parent.firstName())
                        .update();
            }
            for (var child : changes.children()) {
                jdbc.sql("""
                                insert into directory_child (child_id, parent_id, first_name) values (:id, :parent, :name)
                                on conflict (child_id) do update set parent_id = excluded.parent_id, first_name = excluded.first_name
                                """)
                        .param("id", child.id()).param("parent", child.parentId()).param("name", child.firstName())
                        .update();
            }
            if (!changes.deletedParents().isEmpty()) {
                jdbc.sql("delete from directory_parent where parent_id in (:ids)").param("ids", changes.deletedParents()).update();
            }
            if (!changes.deletedChildren().isEmpty()) {
                jdbc.sql("delete from directory_child where child_id in (:ids)").param("ids", changes.deletedChildren()).update();
            }
        });
    }
}
