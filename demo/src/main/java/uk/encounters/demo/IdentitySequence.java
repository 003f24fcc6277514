package uk.encounters.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Takes ids from a table's identity sequence before its rows are written, so parents and
 * children can be copied in bulk with their ids already known. nextval is safe alongside other
 * writers; the ids need not be consecutive, and ids taken by a rolled-back load are just skipped.
 */
final class IdentitySequence {

    private IdentitySequence() {}

    static long[] reserve(Connection connection, String table, int count) throws SQLException {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence(?, 'id')::regclass) from generate_series(1, ?)")) {
            statement.setString(1, table);
            statement.setInt(2, count);
            try (ResultSet result = statement.executeQuery()) {
                int i = 0;
                while (result.next()) {
                    ids[i++] = result.getLong(1);
                }
            }
        }
        return ids;
    }
}
