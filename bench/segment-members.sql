-- A person's segment memberships, read by rules that ask about segments at each event, with and
-- without the index by person, on 1 000 000 memberships (4 segments of 250 000 people each).
-- On a migrated scratch database: psql -d <scratch> -f bench/segment-members.sql
insert into segment_members (rule_id, person_id, since)
select r.id, md5(p::text)::uuid, now()
from (select gen_random_uuid() as id from generate_series(1, 4)) r, generate_series(1, 250000) p;
analyze segment_members;
prepare memberships(uuid[]) as select person_id, rule_id from segment_members where person_id = any($1);
explain (analyze, costs off) execute memberships(array[md5('77')::uuid, md5('12345')::uuid]);
explain (analyze, costs off) execute memberships(array[md5('78')::uuid, md5('12346')::uuid]);
explain (analyze, costs off) execute memberships(array[md5('79')::uuid, md5('12347')::uuid]);
drop index segment_members_person_idx;
analyze segment_members;
explain (analyze, costs off) execute memberships(array[md5('77')::uuid, md5('12345')::uuid]);
explain (analyze, costs off) execute memberships(array[md5('78')::uuid, md5('12346')::uuid]);
explain (analyze, costs off) execute memberships(array[md5('79')::uuid, md5('12347')::uuid]);
