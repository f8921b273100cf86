-- A department's name is its own (people, documents and the department box name it), as its code is: the service's
-- check found an existing one, but two opened at the same moment with one name both passed it. The unique key decides
-- between them now. Two that share a name already keep it apart by their id, the first opened keeps it as it was.
update department d
    join (select name, min(id) as first_id from department group by name having count(*) > 1) twin
        on d.name = twin.name and d.id <> twin.first_id
set d.name = concat(left(d.name, 80), ' (', d.id, ')');

alter table department add constraint uk_department_name unique (name);
