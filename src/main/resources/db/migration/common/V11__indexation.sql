-- A cost line's indexation clause (RULES §3, annex 2): the amounts are in the base year's price
-- level and follow the series' October values. No series: the line is not indexed.
ALTER TABLE cost_line ADD COLUMN index_series VARCHAR(20);
ALTER TABLE cost_line ADD COLUMN index_base_year INTEGER;
ALTER TABLE cost_line ADD COLUMN index_share NUMERIC(7, 4);
ALTER TABLE cost_line ADD COLUMN index_floor BOOLEAN;

-- The October value of an index series for a year (KPI: 1980 = 100). The shipped reference values
-- are entered at start; an ADMIN adds each new October value. A value once entered does not change:
-- statements were computed with it.
CREATE TABLE index_value (
    series       VARCHAR(20)              NOT NULL,
    index_year   INTEGER                  NOT NULL,
    october      NUMERIC(12, 4)           NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(100)             NOT NULL,
    PRIMARY KEY (series, index_year)
);
