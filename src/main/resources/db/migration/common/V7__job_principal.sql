-- Who started a run and for which scope (issue 9): the audit names the principal for
-- every statement the run issues, and a run started for some entities' centres is
-- visible to those who share that scope.
ALTER TABLE job ADD COLUMN started_by VARCHAR(100);
ALTER TABLE job ADD COLUMN scope VARCHAR(40);
