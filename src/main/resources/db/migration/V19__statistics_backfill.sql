-- statistics backfill --
-- A migration of its own, so that V18's new column (which locks the application table) commits at once and intake
-- goes on while this runs. Fills the statistics once from what exists now, as the events would have counted it
-- (StatisticsBackfillTest runs this again and compares). Removals made before now cannot be placed (their applications are gone) and are not
-- counted. The marker row makes a second run add nothing. Buckets and months as in statistics.Periods; open
-- applications (no vacancy) under the nil UUID, as StatisticsRepository.NO_VACANCY.
insert into statistics_backfill (id, filled_at) values (1, now()) on conflict do nothing;

with filling as (select 1 from statistics_backfill where id = 1 and filled_at = now()),
first_consent as (
    select distinct on (application_id) application_id, id, action
      from consent_event where kind = 'RETENTION'
     order by application_id, occurred_at, id),
counted as (
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid) as vacancy_id, a.applied_at,
           coalesce(a.channel, 'unknown') as channel, 'RECEIVED' as measure
      from application a
    union all
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid), a.applied_at,
           coalesce(a.channel, 'unknown'),
           case when f.action = 'GRANTED' then 'CONSENT_GIVEN' else 'CONSENT_REFUSED' end
      from application a left join first_consent f on f.application_id = a.id
    union all
    select vacancy_id, applied_at, channel, measure from (
        select distinct a.id, coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid) as vacancy_id,
               a.applied_at, coalesce(a.channel, 'unknown') as channel,
               case when c.action = 'GRANTED' then 'CONSENT_GIVEN_LATER' else 'CONSENT_WITHDRAWN' end as measure
          from consent_event c join application a on a.id = c.application_id
          join first_consent f on f.application_id = c.application_id
         where c.kind = 'RETENTION' and c.action in ('GRANTED', 'WITHDRAWN') and c.id <> f.id) once_each
    union all
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid), a.applied_at,
           coalesce(a.channel, 'unknown'), 'REACHED_' || s.to_status
      from status_change s join application a on a.id = s.application_id
     where s.to_status <> 'RECEIVED')
insert into application_statistic (vacancy_id, month, channel, measure, count)
select vacancy_id, date_trunc('month', applied_at at time zone 'Europe/Amsterdam')::date, channel, measure, count(*)
  from counted where exists (select 1 from filling)
 group by 1, 2, 3, 4
on conflict do nothing;

with filling as (select 1 from statistics_backfill where id = 1 and filled_at = now()),
took as (
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid) as vacancy_id, a.applied_at,
           s.to_status as milestone, s.changed_at - a.applied_at as took
      from status_change s join application a on a.id = s.application_id
     where s.to_status <> 'RECEIVED'
    union all
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid), a.applied_at, 'FIRST_RESPONSE', s.changed_at - a.applied_at
      from status_change s join application a on a.id = s.application_id
     where s.from_status = 'RECEIVED')
insert into application_duration_statistic (vacancy_id, month, milestone, up_to_days, count)
select vacancy_id, date_trunc('month', applied_at at time zone 'Europe/Amsterdam')::date, milestone,
       case when took <= interval '1 days' then 1 when took <= interval '2 days' then 2
            when took <= interval '7 days' then 7 when took <= interval '14 days' then 14
            when took <= interval '28 days' then 28 when took <= interval '56 days' then 56
            when took <= interval '91 days' then 91 when took <= interval '182 days' then 182 else 0 end,
       count(*)
  from took where exists (select 1 from filling)
 group by 1, 2, 3, 4
on conflict do nothing;

with filling as (select 1 from statistics_backfill where id = 1 and filled_at = now()),
counted as (
    select received_at, type, 'REGISTERED' as measure from privacy_request
    union all
    select received_at, type, case when closed_at > due_at then 'CLOSED_LATE' else 'CLOSED_ON_TIME' end
      from privacy_request where status = 'CLOSED'
    union all
    select received_at, type, 'OUTCOME_' || coalesce(outcome_code, 'FULFILLED')
      from privacy_request where status = 'CLOSED')
insert into privacy_request_statistic (month, request_type, measure, count)
select date_trunc('month', received_at at time zone 'Europe/Amsterdam')::date, type, measure, count(*)
  from counted where exists (select 1 from filling)
 group by 1, 2, 3
on conflict do nothing;

with filling as (select 1 from statistics_backfill where id = 1 and filled_at = now())
insert into privacy_request_duration_statistic (month, request_type, up_to_days, count)
select date_trunc('month', received_at at time zone 'Europe/Amsterdam')::date, type,
       case when closed_at - received_at <= interval '1 days' then 1
            when closed_at - received_at <= interval '2 days' then 2
            when closed_at - received_at <= interval '7 days' then 7
            when closed_at - received_at <= interval '14 days' then 14
            when closed_at - received_at <= interval '28 days' then 28
            when closed_at - received_at <= interval '56 days' then 56
            when closed_at - received_at <= interval '91 days' then 91
            when closed_at - received_at <= interval '182 days' then 182 else 0 end,
       count(*)
  from privacy_request where status = 'CLOSED' and exists (select 1 from filling)
 group by 1, 2, 3
on conflict do nothing;
