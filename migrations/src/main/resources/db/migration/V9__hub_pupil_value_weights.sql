-- The pupil-value rule's weights for a hub (PupilValueWeights by name), set by its coordinator.
-- Null: the defaults, so a later change of defaults reaches every hub that never set its own.
alter table hub add column pupil_value_weights jsonb;
