with starts as (select employee_key, min(d) as ps from (
                  select employee_key, cast(enrolled_at as date) as d from {stg_enrollments}
                  union all select mentee_key, cast(matched_at as date) from {stg_matches}
                  union all select mentor_key, cast(matched_at as date) from {stg_matches}) group by 1),
months as (select cast(m as date) as month, last_day(cast(m as date)) as month_end
           from range(date '{first_month}', date '{last_month}' + interval 1 day, interval 1 month) t(m)),
people as (select e.hire_date, e.termination_date, e.termination_type, months.month, months.month_end,
                  case when s.ps < months.month then 'participants' else 'non_participants' end as group_name
           from {stg_employees} e left join starts s using (employee_key) cross join months
           where e.hire_date <= months.month_end
             and (e.termination_date is null or e.termination_date >= months.month)),
tagged as (select *, hire_date <= month and (termination_date is null or termination_date > month) as at_start,
                  hire_date <= month_end and (termination_date is null or termination_date > month_end) as at_end,
                  termination_date between month and month_end as exits from people),
counted as (select month, group_name, count(*) filter (where at_start) as hs, count(*) filter (where at_end) as he,
                   count(*) filter (where exits and termination_type = 'voluntary') as vol,
                   count(*) filter (where exits and termination_type = 'involuntary') as invol
            from (select * from tagged union all select * replace ('all' as group_name) from tagged)
            group by 1, 2),
rated as (select *, (hs + he) / 2.0 as avg_hc,
                 case when (hs + he) / 2.0 > 0 then vol / ((hs + he) / 2.0) * 100 end as vr,
                 case when (hs + he) / 2.0 > 0 then invol / ((hs + he) / 2.0) * 100 end as ir from counted)
select month, group_name, hs, he, avg_hc, vol, invol, round(vr, 9), round(ir, 9),
       case when count(*) over t = 12 then round(sum(vr) over t, 9) end,
       case when count(*) over t = 12 then round(sum(vr + ir) over t, 9) end, hs
from rated window t as (partition by group_name order by month rows between 11 preceding and current row)
