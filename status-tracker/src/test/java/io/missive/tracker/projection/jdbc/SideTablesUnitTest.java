package io.missive.tracker.projection.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SQL that shows a message's status as an Aircall status says what {@code ProviderNames} says. */
class SideTablesUnitTest {

    @Test
    void theAircallStatusOfAMessageInSqlFollowsProviderNames() {
        assertThat(SideTables.aircallStatusOf("t.status")).isEqualTo(
                "case t.status when 1 then 'delivered' when 2 then 'sent' when 4 then 'failed' when 5 then 'expired' when 6 then 'delivered' end");
    }
}
