with spans as (select match_id, any_value(program_id) as program_id, min(cast(matched_at as date)) as from_day,
                      least(max(coalesce(cast(ended_at as date), date '{as_of}')), date '{as_of}') as to_day
               from {stg_matches} group by match_id having min(cast(matched_at as date)) <= date '{as_of}'),
live as (select match_id, program_id,
                cast(unnest(generate_series(date_trunc('month', from_day), date_trunc('month', to_day), interval 1 month)) as date) as month
         from spans),
sm as (select match_id, cast(date_trunc('month', cast(started_at as date)) as date) as month, count(*) as sessions,
              sum(duration_minutes) as minutes
       from {stg_sessions} where cast(started_at as date) <= date '{as_of}' group by all),
mm as (select l.program_id, l.month, coalesce(s.sessions, 0) as sessions, coalesce(s.minutes, 0) as minutes
       from live l left join sm s using (match_id, month)),
by_month as (select program_id, month, count(*) as live_matches, count(*) filter (where sessions > 0) as active_matches,
                    sum(sessions) as sessions, sum(minutes) as minutes from mm group by all),
crowd as (select l.program_id, l.month, count(distinct person) as people
          from live l join (select match_id, mentor_key as person from {stg_matches}
                            union all select match_id, mentee_key from {stg_matches}) using (match_id) group by all),
grid as (select program_id, cast(unnest(generate_series(first_month, date_trunc('month', date '{as_of}'), interval 1 month)) as date) as month
         from (select program_id, min(month) as first_month from live group by 1))
select g.program_id, p.name, g.month, coalesce(live_matches, 0), coalesce(active_matches, 0), coalesce(sessions, 0),
       coalesce(minutes, 0), case when coalesce(active_matches, 0) > 0 then round(sessions / active_matches, 9) end,
       coalesce(people, 0)
from grid g left join by_month using (program_id, month) left join crowd using (program_id, month)
join {stg_programs} p using (program_id)
