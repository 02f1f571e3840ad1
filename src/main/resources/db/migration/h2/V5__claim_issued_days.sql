-- H2: claim the days of the statements that already stand (issued before V4).
INSERT INTO issued_day (centre_id, claimed_day)
SELECT DISTINCT s.centre_id, DATEADD(DAY, r."X", s.period_from)
FROM statement s
JOIN SYSTEM_RANGE(0, 3700) r ON r."X" <= DATEDIFF(DAY, s.period_from, s.period_to)
WHERE s.kind = 'INVOICE'
  AND NOT EXISTS (SELECT 1 FROM statement c WHERE c.credits_id = s.id)
ON CONFLICT DO NOTHING;

UPDATE job SET running_key = kind || ' ' || period_from || '/' || period_to
WHERE status = 'RUNNING'
  AND id = (SELECT MAX(o.id) FROM job o WHERE o.status = 'RUNNING' AND o.kind = job.kind
            AND o.period_from = job.period_from AND o.period_to = job.period_to);
