-- The employer's page: placement requirements, a private calendar feed, postcode-district lookups.

-- What a work-experience host asks of a pupil (a DBS-free site, safety boots, a minimum age).
alter table offer add column requirements varchar(1000);

-- The calendar feed is read by calendar apps that carry no session, so its address holds a
-- secret; only a hash of that secret is kept, as for sign-in links.
alter table employer add column calendar_token_hash varchar(64);
alter table employer add constraint employer_calendar_token_uk unique (calendar_token_hash);

/* [jooq ignore start] */
-- "postcode like 'DE24 %'": placing a new employer near the hub's schools in its district.
create index employer_postcode_ix on employer (postcode varchar_pattern_ops);
create index school_postcode_ix on school (postcode varchar_pattern_ops);
/* [jooq ignore stop] */
