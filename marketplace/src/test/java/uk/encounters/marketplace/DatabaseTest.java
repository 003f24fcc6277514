package uk.encounters.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;

class DatabaseTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void everyPooledConnectionPlansForShortQueriesRunningAtOnce() throws SQLException {
        // three held at once are three connections: the settings belong to each, not only the first
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(db.database().dataSource().getConnection());
            }
            for (Connection connection : held) {
                assertThat(show(connection, "jit")).isEqualTo("off");
                assertThat(show(connection, "max_parallel_workers_per_gather")).isEqualTo("0");
                assertThat(show(connection, "random_page_cost")).isEqualTo("1.1");
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("show " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
