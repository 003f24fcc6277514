-- The coordinator removes a stall from a proposal as they remove a session: the offer is then
-- ruled out for that event in this round, as it is for a request.
alter table round_exclusion drop constraint round_exclusion_pk;
alter table round_exclusion alter column request_id drop not null;
alter table round_exclusion add column event_id bigint constraint round_exclusion_event_fk references event (id);
alter table round_exclusion add constraint round_exclusion_request_or_event_ck
    check ((request_id is null) <> (event_id is null));
create unique index round_exclusion_request_uk on round_exclusion (round_id, request_id, offer_id)
    where request_id is not null;
create unique index round_exclusion_event_uk on round_exclusion (round_id, event_id, offer_id)
    where event_id is not null;
