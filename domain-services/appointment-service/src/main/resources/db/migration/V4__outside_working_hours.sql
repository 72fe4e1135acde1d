-- When a change of working hours left a booked appointment outside them; null while it lies
-- within them. Cleared when staff move or cancel it.
alter table appointment add column outside_working_hours_since timestamptz;
