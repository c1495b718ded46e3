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
-- by how they read.
select r.province, r.city, f.period_end_year as year, f.value_kind, count(*) as figures,
       sum(f.value) / 1e8 as hundred_million_yuan
from marts.fct_facts as f
join marts.dim_region as r using (region_key)
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
join marts.dim_region as r using (region_key)
order by r.province, r.city, year, t.target_metric;
