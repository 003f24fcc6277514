package uk.encounters.matcher.explain;

import java.util.List;
import uk.encounters.matcher.domain.Session;

/** A proposed or kept booking and, in a coordinator's words, why the plan has it. */
public record BookingExplanation(Session session, List<String> reasons) {}
