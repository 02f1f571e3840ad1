-- A centre's costs are invoiced once (RULES §5). Every day of a period whose
-- statements stand is claimed by a row here, written in the issuing
-- transaction; the primary key makes a second standing issue of any of those
-- days impossible, whichever instance races. Crediting the last standing
-- statement of a period releases its days.
CREATE TABLE issued_day (
    centre_id  BIGINT NOT NULL,
    claimed_day DATE  NOT NULL,
    PRIMARY KEY (centre_id, claimed_day)
);

-- One quarterly run per period at a time: while a job runs, running_key holds
-- its kind and period, and the unique index refuses a second one. It is cleared
-- when the job finishes (NULLs never collide). heartbeat_at is renewed by the
-- workers, so another instance can tell a job that is worked from one whose
-- instance died.
ALTER TABLE job ADD COLUMN running_key VARCHAR(60);
ALTER TABLE job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX job_one_running_per_period ON job (running_key);
CREATE INDEX job_item_pending ON job_item (job_id, status, id);

-- An Idempotency-Key now stores the ids of the statements its request issued
-- (the answer is built from them after the PDFs are stored); answers stored in
-- the earlier form cannot be replayed, so they are dropped.
DELETE FROM idempotency_key;
