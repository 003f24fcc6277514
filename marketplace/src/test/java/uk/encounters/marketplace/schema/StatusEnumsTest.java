package uk.encounters.marketplace.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.EnumType;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.event.EventKind;
import uk.encounters.marketplace.event.EventStatus;
import uk.encounters.marketplace.feedback.FeedbackSide;
import uk.encounters.marketplace.feedback.PupilAnswer;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.placement.AgreementDecision;
import uk.encounters.marketplace.placement.DocumentKind;
import uk.encounters.marketplace.placement.DocumentType;
import uk.encounters.marketplace.placement.PlacementSource;
import uk.encounters.marketplace.placement.SignOffDecision;
import uk.encounters.marketplace.placement.WouldConsider;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.school.SchoolPhase;
import uk.encounters.marketplace.testing.TestDatabase;

/** Each status enum holds exactly the words its column's CHECK constraint allows, as the migrations left it. */
class StatusEnumsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    static Stream<Arguments> statusColumns() {
        return Stream.of(
                Arguments.of("booking_status_ck", BookingStatus.class),
                Arguments.of("request_status_ck", RequestStatus.class),
                Arguments.of("offer_status_ck", OfferStatus.class),
                Arguments.of("matching_round_status_ck", RoundStatus.class),
                Arguments.of("school_phase_ck", SchoolPhase.class),
                Arguments.of("placement_document_kind_ck", DocumentKind.class),
                Arguments.of("placement_document_content_type_ck", DocumentType.class),
                Arguments.of("placement_source_ck", PlacementSource.class),
                Arguments.of("placement_sign_off_decision_ck", SignOffDecision.class),
                Arguments.of("placement_agreement_decision_ck", AgreementDecision.class),
                Arguments.of("placement_reflection_would_consider_ck", WouldConsider.class),
                Arguments.of("pupil_feedback_work_is_like_ck", PupilAnswer.class),
                Arguments.of("pupil_feedback_it_takes_ck", PupilAnswer.class),
                Arguments.of("pupil_feedback_would_consider_ck", PupilAnswer.class),
                Arguments.of("feedback_from_side_ck", FeedbackSide.class),
                Arguments.of("event_kind_ck", EventKind.class),
                Arguments.of("event_status_ck", EventStatus.class));
    }

    @ParameterizedTest
    @MethodSource("statusColumns")
    void theEnumAndTheConstraintListTheSameWords(String constraint, Class<? extends Enum<?>> statuses) {
        String definition = db.dsl()
                .resultQuery("select pg_get_constraintdef(oid) from pg_constraint where conname = ?", constraint)
                .fetchSingle(0, String.class);
        Set<String> allowed =
                QUOTED.matcher(definition).results().map(m -> m.group(1)).collect(Collectors.toSet());
        Set<String> literals = Arrays.stream(statuses.getEnumConstants())
                .map(s -> ((EnumType) s).getLiteral())
                .collect(Collectors.toSet());

        assertThat(literals).as(constraint).isEqualTo(allowed);
    }
}
