-- The raw layer: append-only, keyed by the SHA-256 of a report's bytes.
-- Same content = one report; a changed file = a new version (a new content_hash under the same file_name).
-- Written only by fulian.load (one writer); everything downstream is dbt.
create schema if not exists raw;
create schema if not exists dq;

create table if not exists raw.reports (
    content_hash      varchar primary key,  -- sha256 hex of the file's bytes
    file_name         varchar not null,     -- name it first arrived under (relative to the landing folder)
    byte_size         bigint not null,
    encoding          varchar not null,     -- encoding the bytes were decoded with
    original_text     varchar not null,     -- decoded text, line endings normalised to \n
    normalised_text   varchar not null,     -- simplified script, NFKC, pinyin glosses removed
    script            varchar not null,     -- 'simplified' | 'traditional'
    title             varchar,
    source            varchar,
    publication_date  date,
    province          varchar,
    city              varchar,
    county            varchar,
    region_code       varchar,              -- administrative code of the most specific region found
    organisation      varchar,
    report_year       integer,
    extractor_version varchar not null,
    run_id            varchar not null,
    ingested_at       timestamp not null
);

create table if not exists raw.report_files (
    file_name     varchar not null,         -- path relative to the landing folder
    content_hash  varchar not null,
    first_seen_at timestamp not null,
    run_id        varchar not null,
    primary key (file_name, content_hash)
);

create table if not exists raw.facts (
    content_hash      varchar not null,
    fact_index        integer not null,     -- order of the fact in the report
    text              varchar not null,     -- the quantity as written in the original text
    value             double not null,      -- in base units (万/亿 applied)
    unit              varchar not null,     -- counting word, simplified; '元' for money; '%' for shares
    qualifier         varchar not null,     -- exact | over | about | under
    metric            varchar not null,     -- what is counted, simplified script
    category          varchar not null,     -- code from seeds/categories.csv
    sentence          varchar not null,     -- the original sentence holding the fact
    start_offset      integer not null,     -- character offsets of text in original_text
    end_offset        integer not null,
    extractor_version varchar not null,
    year_from         integer,              -- first year the figure covers; null: a total to date, or unknown
    year_to           integer,              -- last year the figure covers; null: unknown
    kind              varchar,              -- actual | target | change (null: extracted before 1.2)
    place_province    varchar,              -- the place the figure is about ('' for a level it does not
    place_city        varchar,              --   go down to, all '' for a national figure; null:
    place_county      varchar,              --   extracted before figure-level places)
    indicator         varchar,              -- code of dbt_project/reference/indicators.csv; '' unmapped
    observation       varchar,              -- per-report label (o1, o2, ...) shared by restatements
    part_of           varchar,              -- observation label of the whole a 其中 sub-total is part of; ''
    primary key (content_hash, fact_index)
);

create table if not exists raw.rejected_files (
    file_name    varchar not null,
    content_hash varchar,                   -- null when the bytes could not be read
    byte_size    bigint,
    reason       varchar not null,
    run_id       varchar not null,
    rejected_at  timestamp not null
);

create table if not exists dq.quarantine (
    run_id      varchar not null,
    kind        varchar not null,           -- 'fact' | 'file'
    file_name   varchar,
    fact_key    varchar,                    -- content_hash || ':' || fact_index for kind 'fact'
    content_hash varchar,
    fact_text   varchar,
    check_name  varchar not null,
    reason      varchar not null,
    quarantined_at timestamp not null
);

create table if not exists dq.alerts (
    run_id     varchar not null,
    check_name varchar not null,
    severity   varchar not null,            -- 'warning' | 'error'
    file_names varchar[],
    message    varchar not null,
    raised_at  timestamp not null
);

create table if not exists dq.runs (
    run_id          varchar primary key,
    landing_dir     varchar not null,
    files_read      integer not null,       -- files planned for reading this run
    reports_added   integer not null,
    facts_added     integer not null,
    files_rejected  integer not null,
    checks_passed   integer,
    checks_failed   integer,
    facts_quarantined integer,
    finished_at     timestamp not null
);

-- Which facts a run's checks covered: 'all', or 'new' (only the reports the run added, because the
-- checks' fingerprint — bounds, categories, unit classes, year — matched the last run's). Added in 1.1;
-- older warehouses gain the columns here.
alter table dq.runs add column if not exists checks_scope varchar;
alter table dq.runs add column if not exists checks_fingerprint varchar;

-- When a figure holds and what kind of statement it is (docs/annotation-spec.md, "Time and kind").
-- Added in 1.2; older warehouses gain the columns here, their earlier facts keep nulls.
alter table raw.facts add column if not exists year_from integer;
alter table raw.facts add column if not exists year_to integer;
alter table raw.facts add column if not exists kind varchar;
alter table raw.facts add column if not exists place_province varchar;
alter table raw.facts add column if not exists place_city varchar;
alter table raw.facts add column if not exists place_county varchar;

-- Observations, not mentions: the indicator a figure measures, the observation its restatements share,
-- and the whole a 其中 sub-total belongs to. Added in 1.4; earlier facts keep nulls (each its own
-- observation downstream).
alter table raw.facts add column if not exists indicator varchar;
alter table raw.facts add column if not exists observation varchar;
alter table raw.facts add column if not exists part_of varchar;
