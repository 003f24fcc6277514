-- Both sides answer a booking: the employer's yes is the 'confirmed' status, the school's is its
-- own timestamp; a decline records whose it was, for employer reliability and for the school.
alter table booking add column school_confirmed_at timestamptz;
alter table booking add column declined_by varchar(12);
alter table booking add constraint booking_declined_by_ck check (declined_by in ('school', 'employer', 'coordinator'));
