with e as (select *, cast(enrolled_at as date) as enrolled_on from {stg_enrollments}),
m as (select program_id as mp, mentee_key as mm, cast(matched_at as date) as md from {stg_matches}),
flagged as (select e.*, case when role = 'mentee' then (select min(md) from m
              where mp = e.program_id and mm = e.employee_key and md >= e.enrolled_on) end as matched_on from e),
fe as (select * from flagged union all select * replace ('ALL' as program_id) from flagged),
fm as (select program_id, cast(matched_at as date) as from_day,
              coalesce(cast(ended_at as date), date '{as_of}') as to_day, mentor_key, mentee_key from {stg_matches}),
sm as (select * from fm union all select * replace ('ALL' as program_id) from fm),
progs as (select program_id, name as program_name, start_date from {stg_programs}
          union all select 'ALL', 'All programs', min(start_date) from {stg_programs}),
quarters as (select program_id, program_name, cast(q as date) as quarter_start,
                    cast(q + interval 3 month as date) - 1 as quarter_end,
                    strftime(q, '%Y') || '-Q' || cast(quarter(q) as varchar) as quarter
             from progs, range(date_trunc('quarter', start_date),
                               date_trunc('quarter', date '{as_of}') + interval 1 day, interval 3 month) t(q)),
enrolment as (select q.program_id, q.quarter,
                     count(*) filter (where role = 'mentee') as me, count(*) filter (where role = 'mentor') as mo,
                     count(*) filter (where matched_on is not null and matched_on <= date '{as_of}') as mm,
                     quantile_cont(matched_on - enrolled_on, 0.5)
                         filter (where matched_on is not null and matched_on <= date '{as_of}') as median_days,
                     count(distinct employee_key) as ep
              from fe join quarters q using (program_id)
              where enrolled_on between q.quarter_start and q.quarter_end group by 1, 2),
participants as (select program_id, quarter, count(distinct person) as participants from (
                   select q.program_id, q.quarter, unnest([s.mentor_key, s.mentee_key]) as person
                   from sm s join quarters q using (program_id)
                   where s.from_day <= q.quarter_end and s.to_day >= q.quarter_start) group by 1, 2),
headcount as (select quarter, (count(*) filter (where hire_date <= quarter_start
                                   and (termination_date is null or termination_date > quarter_start))
                             + count(*) filter (where hire_date <= quarter_end
                                   and (termination_date is null or termination_date > quarter_end))) / 2.0 as avg_hc
              from (select distinct quarter, quarter_start, quarter_end from quarters), {stg_employees} group by 1)
select q.program_id, q.program_name, q.quarter, q.quarter_start, coalesce(me, 0), coalesce(mo, 0), coalesce(mm, 0),
       case when coalesce(me, 0) > 0 then round(coalesce(mm, 0) / me, 9) end, round(median_days, 9),
       coalesce(participants, 0), avg_hc,
       case when avg_hc > 0 then round(coalesce(participants, 0) / avg_hc, 9) end,
       greatest(coalesce(participants, 0), coalesce(ep, 0))
from quarters q left join enrolment using (program_id, quarter) left join participants using (program_id, quarter)
join headcount using (quarter)
