-- A cornerstone employer working with several Careers Hubs is one organisation: one set of
-- contacts and volunteers, whose bookings its people see together. Each hub it works with holds a
-- presence of its own: the hub's cornerstone mark and its cap on asks stay that hub's, and each
-- offer is made to one hub, whose rounds alone book it (a shared offer would be booked twice over,
-- since each hub's round sees only its own schools' bookings).
create table employer_hub_presence (
    employer_id        bigint   not null constraint employer_hub_presence_employer_fk references employer (id),
    hub_id             bigint   not null constraint employer_hub_presence_hub_fk references hub (id),
    cornerstone        boolean  not null default false,
    -- the most times this hub may ask the employer in a month
    max_asks_per_month smallint not null default 1,
    joined_on          date     not null default current_date,
    constraint employer_hub_presence_pk primary key (employer_id, hub_id),
    constraint employer_hub_presence_max_asks_ck check (max_asks_per_month between 0 and 31)
);
create index employer_hub_presence_hub_ix on employer_hub_presence (hub_id);

/* [jooq ignore start] */
insert into employer_hub_presence (employer_id, hub_id, cornerstone, max_asks_per_month, joined_on)
select id, hub_id, cornerstone, max_asks_per_month, created_at::date from employer;
/* [jooq ignore stop] */

alter table employer drop column cornerstone;
alter table employer drop constraint employer_max_asks_ck;
alter table employer drop column max_asks_per_month;
-- the hub that first registered it: where its approximate location came from, nothing more
alter table employer rename column hub_id to registered_in_hub_id;
alter index employer_hub_ix rename to employer_registered_in_hub_ix;

alter table offer add column hub_id bigint;
/* [jooq ignore start] */
update offer o set hub_id = e.registered_in_hub_id from employer e where e.id = o.employer_id;
/* [jooq ignore stop] */
alter table offer alter column hub_id set not null;
alter table offer add constraint offer_presence_fk foreign key (employer_id, hub_id)
    references employer_hub_presence (employer_id, hub_id);
create index offer_hub_ix on offer (hub_id);
