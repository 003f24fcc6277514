package uk.encounters.marketplace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class AuditLogTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static long adminId;
    private final AuditLog audit = new AuditLog(db.dsl());

    @BeforeAll
    static void anAdministrator() {
        new TestData(db.dsl()).hub("Derby");
        adminId = new AccountRepository(db.dsl()).create("admin@example.org", "Ada Admin", null, Scope.admin());
    }

    @Test
    void listsTheLatestEntriesFirstWithTheActorsEmail() {
        audit.record(null, "sign_in_failed", "app_user", null, Map.of("email", "someone@example.org"), "198.51.100.7");
        audit.record(adminId, "scope_added", "app_user", adminId, Map.of("role", "coordinator"), "2001:db8::1");

        List<AuditEntry> recent = audit.findRecent(2);

        assertThat(recent).extracting(AuditEntry::action).containsExactly("scope_added", "sign_in_failed");
        AuditEntry latest = recent.getFirst();
        assertThat(latest.actorUserId()).isEqualTo(adminId);
        assertThat(latest.actorEmail()).isEqualTo("admin@example.org");
        assertThat(latest.subjectType()).isEqualTo("app_user");
        assertThat(latest.subjectId()).isEqualTo(adminId);
        assertThat(latest.ipAddress()).isEqualTo("2001:db8::1");
        assertThat(latest.occurredAt()).isNotNull();
        assertThat(recent.get(1).actorEmail()).isNull();
    }

    @Test
    void storesTheDetailAsJsonWhateverCharactersItHolds() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("email", "o'brien\"\\\n\t\u0001@example.org");
        detail.put("count", 3);
        detail.put("allowed", true);
        detail.put("nothing", null);
        detail.put("schools", List.of(1L, 2L));
        detail.put("nested", Map.of("name", "Café"));
        audit.record(adminId, "json_check", null, null, detail, null);

        String email = db.dsl()
                .fetchValue("select detail ->> 'email' from audit_log where action = 'json_check'")
                .toString();
        assertThat(email).isEqualTo("o'brien\"\\\n\t\u0001@example.org");
        assertThat(db.dsl().fetchValue("select detail -> 'schools' ->> 1 from audit_log where action = 'json_check'"))
                .hasToString("2");
        assertThat(db.dsl()
                        .fetchValue("select detail -> 'nested' ->> 'name' from audit_log where action = 'json_check'"))
                .hasToString("Café");
        assertThat(db.dsl()
                        .fetchValue("select detail -> 'allowed' from audit_log where action = 'json_check'")
                        .toString())
                .isEqualTo("true");
    }

    @Test
    void keepsAnOverlongAddressToTheColumnsLength() {
        audit.record(null, "long_address", null, null, Map.of(), "x".repeat(100));

        assertThat(audit.findRecent(1).getFirst().ipAddress()).hasSize(45);
    }
}
