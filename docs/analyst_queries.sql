-- name: people_trained_by_province_year
-- People and person-times trained, per province and year: what was done in that one year (no targets,
-- changes or multi-year totals), exact figures and lower bounds apart.
select a.province, a.period_end_year as year, a.unit_class,
       a.sum_exact_value as exact_total, a.sum_lower_bound_value as at_least, a.fact_count
from marts.agg_figures_by_region_year as a
where a.category_code = 'people_trained'
  and a.statement_kind = 'actual'
  and a.period_type = 'single_year'
order by a.province, year, a.unit_class;

-- name: loans_by_city
-- Loan money granted, per city and year: actual single-year money figures of category 'loans', summed
-- by how they read, each under the city it is about (place_region_key: a county's figure under its
-- city), not the reporting city.
select r.province, r.city, f.period_end_year as year, f.value_kind, count(*) as figures,
       sum(f.value) / 1e8 as hundred_million_yuan
from marts.fct_facts as f
join marts.dim_region as r on f.place_region_key = r.region_key
join marts.dim_unit as u using (unit_key)
where f.category_code = 'loans' and u.unit_class = 'money'
  and f.statement_kind = 'actual' and f.period_type = 'single_year'
group by all
order by hundred_million_yuan desc;

-- name: largest_money_figures
-- The five largest money figures, with the sentence they come from.
select f.file_name, f.fact_text, f.value, f.statement_kind, f.period_start_year, f.period_end_year,
       f.metric, left(f.sentence, 40) as sentence_start
from marts.fct_facts as f
join marts.dim_unit as u using (unit_key)
where u.unit_class = 'money'
order by f.value desc
limit 5;

-- name: figures_per_category
-- How many figures each category holds, with its English label.
select c.category_code, c.label_en, count(f.fact_key) as figures
from marts.dim_category as c
left join marts.fct_facts as f using (category_key)
group by all
order by figures desc, c.category_code;

-- name: reports_and_quality
-- One line per current report: where from, which year, how many figures, how many held back.
select file_name, province, city, organisation_name, report_year, fact_count, quarantined_fact_count
from marts.agg_report_summary
order by file_name;

-- name: targets_against_outcomes
-- Targets beside what was done: each target a report states, with the actual figure of the same place,
-- thing and years (fct_target_outcomes); attainment is the share of the target reached.
select r.province, r.city, t.period_end_year as year, t.target_metric, t.target_text, t.actual_text,
       round(t.attainment, 2) as attainment
from marts.fct_target_outcomes as t
join marts.dim_region as r on t.place_region_key = r.region_key
order by r.province, r.city, year, t.target_metric;

-- name: loans_by_province_year
-- Loan money granted, per province and year, from the yearbook (indicator loans_amount, actual single-year
-- figures, each restated figure once): the province's own figure apart from the sum of its cities' and of
-- its counties' (never add a province to its cities), with how many cells are bounds and whether reports agree.
select y.place_province as province, y.year,
       sum(y.value) filter (where y.place_level = 'province') / 1e8 as province_figure_yi,
       sum(y.value) filter (where y.place_level = 'city') / 1e8 as cities_sum_yi,
       count(*) filter (where y.place_level = 'city') as cities,
       sum(y.value) filter (where y.place_level = 'county') / 1e8 as counties_sum_yi,
       count(*) filter (where y.value_kind <> 'exact') as bounds,
       max(y.reports_count) as most_reports, bool_and(y.values_agree) as reports_agree
from marts.agg_indicator_yearbook as y
where y.indicator_code = 'loans_amount' and y.place_province <> ''
group by y.place_province, y.year
order by province, y.year;

-- name: two_cancer_screenings_over_time
-- 两癌 (cervical and breast cancer) screenings over time: women screened per place and year from the yearbook,
-- one value per cell (the latest report's when several state it), with how many reports stated it.
select y.indicator_code, y.place_province, y.place_city, y.place_county, y.year, y.value as women_screened,
       y.value_kind, y.reports_count, y.values_agree, y.file_name
from marts.agg_indicator_yearbook as y
where y.indicator_code in ('two_cancer_screenings', 'cervical_cancer_screenings', 'breast_cancer_screenings')
order by y.indicator_code, y.place_province, y.place_city, y.place_county, y.year;
