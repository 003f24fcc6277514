package uk.encounters.matcher.explain;

import java.util.List;
import uk.encounters.matcher.domain.Session;

/** A session the plan leaves unmatched and why, most telling reason first. */
public record UnmatchedExplanation(Session session, List<String> reasons) {}
