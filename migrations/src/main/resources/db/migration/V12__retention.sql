-- How long personal data is kept (docs/privacy.md), carried out nightly by Retention, and the
-- marks left by anonymising a person, by retention or at their request (Erasure).

-- Archived pupils are deleted once this many academic years have ended after the year they left:
-- 1, the default, keeps a July leaver until the end of the following school year.
alter table hub add column pupil_retention_years smallint not null default 1;
alter table hub add constraint hub_pupil_retention_years_ck check (pupil_retention_years between 1 and 10);

-- Set when a person's name and email were replaced; the row stays so bookings keep their counts.
alter table app_user add column erased_at timestamptz;
alter table volunteer add column erased_at timestamptz;

-- Set when a sent message's body was removed (30 days after sending); who, when and the subject stay.
alter table outbox add column body_removed_at timestamptz;

-- What deleted pupils contributed to a school's figures, so the evidence of past years survives
-- their deletion: per academic year and the year group they were in that year.
create table evidence_tally (
    school_id             bigint   not null constraint evidence_tally_school_fk references school (id) on delete cascade,
    -- the calendar year the academic year starts in, as school_budget.academic_year
    academic_year         smallint not null,
    year_group            smallint not null,
    disadvantaged         boolean  not null,
    -- deleted pupils on the school's roll that year
    pupils                integer  not null default 0,
    -- of them, those with an attended encounter that year (Benchmark 5)
    pupils_with_encounter integer  not null default 0,
    -- attended encounters that year, and of them workplace experiences (Benchmark 6)
    encounters            integer  not null default 0,
    workplace_experiences integer  not null default 0,
    constraint evidence_tally_pk primary key (school_id, academic_year, year_group, disadvantaged),
    constraint evidence_tally_year_ck check (academic_year between 2000 and 2100),
    constraint evidence_tally_year_group_ck check (year_group between 7 and 13),
    constraint evidence_tally_counts_ck check (pupils >= 0 and pupils_with_encounter >= 0 and encounters >= 0
                                               and workplace_experiences >= 0)
);

-- A booking's recorded attendance of pupils since deleted, so what an employer reached and
-- whether a school recorded the day still read true.
create table booking_attendance_tally (
    booking_id              bigint  not null constraint booking_attendance_tally_pk primary key
                                    constraint booking_attendance_tally_booking_fk references booking (id) on delete cascade,
    attended                integer not null default 0,
    absent                  integer not null default 0,
    disadvantaged_attended  integer not null default 0,
    constraint booking_attendance_tally_counts_ck check (attended >= 0 and absent >= 0 and disadvantaged_attended >= 0)
);
