with gm as (select g.goal_id, g.created_at, g.completed_at, m.program_id, m.mentor_key, m.mentee_key
            from {stg_goals} g join {stg_matches} m using (match_id)),
scoped as (select program_id, goal_id, created_at, completed_at, mentor_key, mentee_key from gm
           union all select 'ALL', goal_id, created_at, completed_at, mentor_key, mentee_key from gm),
starts as (select program_id, date_trunc('quarter', start_date) ps from {stg_programs}
           union all select 'ALL', date_trunc('quarter', min(start_date)) from {stg_programs}),
grid as (select program_id, r::timestamptz qs, (r + interval 3 month)::timestamptz qe
         from starts, range(starts.ps, date '{as_of}' + interval 1 day, interval 3 month) t(r)),
counts as (select grid.program_id, grid.qs,
             count(distinct s.goal_id) filter (where s.created_at < grid.qe) set_by,
             count(distinct s.goal_id) filter (where s.completed_at < grid.qe and s.created_at < grid.qe) done_by,
             count(distinct s.goal_id) filter (where s.created_at >= grid.qs and s.created_at < grid.qe) set_in,
             count(distinct s.goal_id) filter (where s.completed_at >= grid.qs and s.completed_at < grid.qe) done_in
           from grid left join scoped s on s.program_id = grid.program_id group by 1, 2),
people as (select program_id, qs, count(distinct person) people from (
             select grid.program_id, grid.qs, unnest([s.mentor_key, s.mentee_key]) person
             from grid join scoped s on s.program_id = grid.program_id and s.created_at < grid.qe)
           group by 1, 2)
select counts.program_id, strftime(counts.qs, '%Y') || '-Q' || cast((month(counts.qs) + 2) // 3 as varchar),
       set_by, done_by, set_in, done_in, coalesce(people, 0)
from counts left join people using (program_id, qs)
