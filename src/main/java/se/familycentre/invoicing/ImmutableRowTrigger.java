package se.familycentre.invoicing;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's trigger behind the rule that issued statements never change: any UPDATE or DELETE fails in the database. */
public class ImmutableRowTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("issued statements never change (table " + table + ")", "45000");
    }
}
