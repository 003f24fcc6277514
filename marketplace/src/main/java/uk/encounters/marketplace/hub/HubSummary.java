package uk.encounters.marketplace.hub;

/** A hub's headline numbers, as the home page shows them. */
public record HubSummary(
        long id, String name, int schools, int pupils, int pupilsOnTrack, int openRequests, int activeOffers) {

    /** Share of pupils on track for seven encounters, in whole percent (0 with no pupils). */
    public int onTrackPercent() {
        return pupils == 0 ? 0 : (int) Math.round(100.0 * pupilsOnTrack / pupils);
    }

    public static HubSummary total(String name, Iterable<HubSummary> hubs) {
        int schools = 0, pupils = 0, onTrack = 0, requests = 0, offers = 0;
        for (HubSummary hub : hubs) {
            schools += hub.schools;
            pupils += hub.pupils;
            onTrack += hub.pupilsOnTrack;
            requests += hub.openRequests;
            offers += hub.activeOffers;
        }
        return new HubSummary(0, name, schools, pupils, onTrack, requests, offers);
    }
}
