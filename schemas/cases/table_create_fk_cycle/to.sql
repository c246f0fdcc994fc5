-- two new tables reference each other, so at least one FK must be added after both tables exist
CREATE TABLE departments (
    id integer PRIMARY KEY,
    name text NOT NULL,
    manager_id integer
);

CREATE TABLE employees (
    id integer PRIMARY KEY,
    name text NOT NULL,
    department_id integer NOT NULL REFERENCES departments (id)
);

ALTER TABLE departments
    ADD FOREIGN KEY (manager_id) REFERENCES employees (id) DEFERRABLE INITIALLY DEFERRED;
