-- A late cancellation is an employer's decline made close to the day (EmployerBookings.decline).
-- Employer fatigue and reliability find them through booking_status_starts_ix among the declined
-- bookings, so a late flag on a booking of any other status would go uncounted: refuse it.
alter table booking add constraint booking_late_cancellation_ck check (not late_cancellation or status = 'declined');
