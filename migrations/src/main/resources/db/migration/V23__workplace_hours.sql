-- Hours of workplace experience (issue 25, docs/placements.md "Hours"): each attended workplace
-- experience records the hours the pupil spent there, the hub sets a target of hours by the end of
-- Year 11, and an online workplace experience counts for Benchmark 6 only when the offer says it is
-- interactive (the pupil does tasks and talks with staff, the Gatsby definition).

-- The hub's target of hours by the end of Year 11: 50, two weeks of five-hour school days.
alter table hub add column workplace_hours_target smallint not null default 50;
alter table hub add constraint hub_workplace_hours_target_ck check (workplace_hours_target between 1 and 200);

-- Online, the pupil does tasks and talks with the employer's staff: only then is an online visit,
-- shadowing or placement a workplace experience (WorkplaceExperience holds the rule).
alter table offer add column interactive boolean not null default false;
alter table offer add constraint offer_interactive_online_ck check (not interactive or online);

-- Hours the pupil spent at a workplace experience they attended; null for any other encounter, and
-- where nobody recorded them (history from before). A booking's attendance starts from its dates and
-- period (WorkplaceHours) and the school corrects it on the register.
alter table encounter add column hours numeric(5, 1);
alter table encounter add constraint encounter_hours_ck check (hours > 0);
alter table encounter add constraint encounter_hours_workplace_ck check (hours is null or (attended
    and encounter_type in ('workplace_visit', 'work_shadowing', 'work_experience')));

-- The spread of hours and the workplace experiences had, per year group, on the progress page.
alter table year_group_progress_summary add column with_workplace_experience integer not null default 0;
alter table year_group_progress_summary add column with_two_workplace_experiences integer not null default 0;
alter table year_group_progress_summary add column without_workplace_hours integer not null default 0;
alter table year_group_progress_summary add column under_half_workplace_hours integer not null default 0;
alter table year_group_progress_summary add column half_workplace_hours integer not null default 0;
alter table year_group_progress_summary add column workplace_hours_target_met integer not null default 0;

/* [jooq ignore start] */
-- A sanity bound: at most 24 hours a day of the encounter (a booking's days; an activity's one day).
-- History from another school has no days recorded; the import bounds it.
create function encounter_hours_within_days() returns trigger language plpgsql as $$
declare
    days integer;
begin
    if new.hours is null then
        return new;
    end if;
    if new.booking_id is not null then
        select ends_on - starts_on + 1 into days from booking where id = new.booking_id;
    elsif new.activity_id is not null then
        days := 1;
    end if;
    if days is not null and new.hours > 24 * days then
        raise exception using errcode = 'check_violation', constraint = 'encounter_hours_within_days_ck',
            message = format('%s hours is more than 24 hours a day of %s day(s)', new.hours, days);
    end if;
    return new;
end $$;

create trigger encounter_hours_within_days before insert or update of hours, booking_id, activity_id on encounter
    for each row execute function encounter_hours_within_days();

-- Workplace experiences already attended through a booking get the hours its dates and period give
-- (WorkplaceHours.forBooking, tied to this by WorkplaceHoursBackfillTest): the weekdays from its first
-- to its last day (its days, if all fall on a weekend), times 3 hours a morning, 2 an afternoon and 5
-- a whole day. Not online ones: no offer was interactive before this migration.
update encounter e
   set hours = (select coalesce(nullif(count(*) filter (where extract(isodow from d) < 6), 0), count(*))
                  from generate_series(b.starts_on, b.ends_on, interval '1 day') d)
             * case b.period when 'morning' then 3 when 'afternoon' then 2 else 5 end
  from booking b
  join offer o on o.id = b.offer_id
  join request r on r.id = b.request_id
 where e.booking_id = b.id
   and e.attended
   and e.encounter_type in ('workplace_visit', 'work_shadowing', 'work_experience')
   and ((r.in_school and o.in_school) or (r.at_workplace and o.at_workplace));

-- Every school's summary gains the new figures when it is next made.
update school_progress_summary set changes = changes + 1;
/* [jooq ignore stop] */
