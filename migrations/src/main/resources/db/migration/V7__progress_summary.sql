-- Each school's progress figures, summarised per year group and disadvantage, so the home page and
-- the hub dashboard read a few rows per school instead of judging every pupil of a hub (116,000
-- pupils in the largest) on every request. The rules stay in the app (PupilProgress): the app
-- writes these rows from them. Triggers only note that a school's figures changed; the app then
-- summarises the school again (ProgressSummaries), in the background and before a hub's figures
-- are shown.

create table school_progress_summary (
    school_id          bigint      not null constraint school_progress_summary_pk primary key
                                   constraint school_progress_summary_school_fk references school (id) on delete cascade,
    -- bumped in the same transaction as any change to the school's pupils, their encounters or the
    -- pupils chosen for bookings; the summary is current when it was made from this many changes
    changes            bigint      not null default 0,
    summarised_changes bigint      not null default -1,
    -- the day the figures are for: "on track" and "this year" depend on the date
    as_of              date,
    summarised_at      timestamptz,
    pupils             integer     not null default 0,
    on_track           integer     not null default 0
);

create table year_group_progress_summary (
    school_id                   bigint   not null constraint year_group_progress_summary_school_fk
                                         references school_progress_summary (school_id) on delete cascade,
    year_group                  smallint not null,
    disadvantaged               boolean  not null,
    pupils                      integer  not null,
    encounters                  integer  not null,
    on_track                    integer  not null,
    benchmark5                  integer  not null,
    benchmark6                  integer  not null,
    behind_without_booking      integer  not null,
    needing_workplace_experience integer not null,
    encounters_behind           integer  not null,
    constraint year_group_progress_summary_pk primary key (school_id, year_group, disadvantaged)
);

/* [jooq ignore start] */
insert into school_progress_summary (school_id) select id from school;

create function school_progress_summary_add() returns trigger language plpgsql as $$
begin
    insert into school_progress_summary (school_id) select id from new_rows on conflict do nothing;
    return null;
end $$;

create trigger school_progress_summary_add after insert on school
    referencing new table as new_rows for each statement execute function school_progress_summary_add();

-- Marks schools changed. Rows are locked in school order, so two transactions marking several
-- schools cannot deadlock; a summary being made holds its school's row, so a change that commits
-- meanwhile waits for it and is then noted for the next one.
create function school_progress_changed(schools bigint[]) returns void language plpgsql as $$
begin
    perform 1 from school_progress_summary where school_id = any(schools) order by school_id for update;
    update school_progress_summary set changes = changes + 1 where school_id = any(schools);
end $$;

-- For encounter and booking_pupil rows: the schools of their pupils.
create function school_progress_pupil_rows_changed() returns trigger language plpgsql as $$
declare
    schools bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct p.school_id) into schools from pupil p join new_rows r on r.pupil_id = p.id;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct p.school_id) into schools from pupil p join old_rows r on r.pupil_id = p.id;
    else
        select array_agg(distinct p.school_id) into schools from pupil p
            where p.id in (select pupil_id from new_rows union select pupil_id from old_rows);
    end if;
    if schools is not null then
        perform school_progress_changed(schools);
    end if;
    return null;
end $$;

-- For pupil rows: their schools, before and after (a pupil can move school).
create function school_progress_pupils_changed() returns trigger language plpgsql as $$
declare
    schools bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct school_id) into schools from new_rows;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct school_id) into schools from old_rows;
    else
        select array_agg(distinct school_id) into schools
            from (select school_id from new_rows union select school_id from old_rows) s;
    end if;
    if schools is not null then
        perform school_progress_changed(schools);
    end if;
    return null;
end $$;

-- For a booking whose status changes: the school that asked for it (its chosen pupils count as
-- booked only while it is live).
create function school_progress_bookings_changed() returns trigger language plpgsql as $$
declare
    schools bigint[];
begin
    select array_agg(distinct r.school_id) into schools from request r
        where r.id in (select n.request_id from new_rows n join old_rows o on o.id = n.id where n.status <> o.status);
    if schools is not null then
        perform school_progress_changed(schools);
    end if;
    return null;
end $$;

create trigger encounter_progress_inserted after insert on encounter
    referencing new table as new_rows for each statement execute function school_progress_pupil_rows_changed();
create trigger encounter_progress_updated after update on encounter
    referencing old table as old_rows new table as new_rows for each statement execute function school_progress_pupil_rows_changed();
create trigger encounter_progress_deleted after delete on encounter
    referencing old table as old_rows for each statement execute function school_progress_pupil_rows_changed();

create trigger booking_pupil_progress_inserted after insert on booking_pupil
    referencing new table as new_rows for each statement execute function school_progress_pupil_rows_changed();
create trigger booking_pupil_progress_deleted after delete on booking_pupil
    referencing old table as old_rows for each statement execute function school_progress_pupil_rows_changed();

create trigger pupil_progress_inserted after insert on pupil
    referencing new table as new_rows for each statement execute function school_progress_pupils_changed();
create trigger pupil_progress_updated after update on pupil
    referencing old table as old_rows new table as new_rows for each statement execute function school_progress_pupils_changed();
create trigger pupil_progress_deleted after delete on pupil
    referencing old table as old_rows for each statement execute function school_progress_pupils_changed();

create trigger booking_progress_updated after update on booking
    referencing old table as old_rows new table as new_rows for each statement execute function school_progress_bookings_changed();
/* [jooq ignore stop] */
