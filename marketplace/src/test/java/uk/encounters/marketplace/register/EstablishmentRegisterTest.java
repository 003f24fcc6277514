package uk.encounters.marketplace.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.ESTABLISHMENT;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class EstablishmentRegisterTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static EstablishmentRegister register;

    @BeforeAll
    static void derbyLoaded() {
        register = new EstablishmentRegister(db.dsl());
        register.load(Actor.anonymous(null), RegisterFile.read(RegisterExcerpt.derby()), "gias-derby.csv");
    }

    @Test
    void theLoadIsRecordedAndAudited() {
        assertThat(register.latestLoad()).hasValueSatisfying(load -> {
            assertThat(load.fileName()).isEqualTo("gias-derby.csv");
            assertThat(load.establishments()).isEqualTo(117);
        });
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("register_loaded")))
                .isPositive();
    }

    @Test
    void aNewerFileReplacesTheRowsItListsAndLeavesTheRest() {
        String newer =
                "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),EstablishmentStatus (name)\n"
                        + "112991,Murray Park School,Foundation school,Secondary,Closed\n";
        register.load(Actor.anonymous(null), RegisterFile.read(newer), "newer.csv");

        assertThat(register.find(112991)).hasValueSatisfying(e -> {
            assertThat(e.getName()).isEqualTo("Murray Park School");
            assertThat(e.getRegisterStatus()).isEqualTo("Closed");
        });
        assertThat(register.find(112956)).isPresent();
        assertThat(db.dsl().fetchCount(ESTABLISHMENT)).isEqualTo(117);
        assertThat(register.latestLoad())
                .hasValueSatisfying(l -> assertThat(l.fileName()).isEqualTo("newer.csv"));
        register.load(Actor.anonymous(null), RegisterFile.read(RegisterExcerpt.derby()), "gias-derby.csv");
    }

    @Test
    void aFileWithProblemsIsNeverLoaded() {
        RegisterFile bad = RegisterFile.read("urn,establishment_name,establishment_type,education_phase\nx,A,B,C\n");

        assertThatThrownBy(() -> register.load(Actor.anonymous(null), bad, "bad.csv"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsByUrnNameWordsAndPostcode() {
        assertThat(register.search("112956"))
                .extracting(EstablishmentRegister.Found::name)
                .containsExactly("Littleover Community School");
        assertThat(register.search("littleover community"))
                .extracting(EstablishmentRegister.Found::urn)
                .contains(112956);
        assertThat(register.search("DE23 4BZ"))
                .extracting(EstablishmentRegister.Found::urn)
                .contains(112956);
        // a district finds its own postcodes, never DE2's neighbours DE21 to DE24
        assertThat(register.search("DE23"))
                .extracting(EstablishmentRegister.Found::postcode)
                .isNotEmpty()
                .allMatch(p -> p.startsWith("DE23 "));
        assertThat(register.search("%")).isEmpty();
        assertThat(register.search("school")).hasSize(EstablishmentRegister.MAX_FOUND);
    }

    @Test
    void aFoundEstablishmentSaysWhetherItCanJoinAndWhichHubHasIt() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Search hub");

        var littleover = register.search("112956").getFirst();
        assertThat(littleover.eligibility()).isInstanceOf(Eligibility.Addable.class);
        assertThat(littleover.hubId()).isNull();
        var nursery = register.search("Lord Street Nursery").getFirst();
        assertThat(nursery.eligibility()).isInstanceOf(Eligibility.Refused.class);
        assertThat(hub).isPositive();
    }
}
