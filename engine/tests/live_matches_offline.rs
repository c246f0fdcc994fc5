//! The two sources must agree: a desired-state file parsed offline and the same file loaded
//! into a fresh database and read back must give equal catalogs. Every difference here would
//! be a change the plan proposes for a database that already matches its file.

use std::sync::OnceLock;

use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::error::Error;
use schemadiff_engine::model::{AclObject, Catalog, QualifiedName};
use schemadiff_engine::source::{live, sql, SqlFile};

/// One cluster for the whole binary; each case gets its own database.
fn cluster() -> &'static TempCluster {
    static CLUSTER: OnceLock<TempCluster> = OnceLock::new();
    CLUSTER.get_or_init(|| TempCluster::start().expect("start a temporary PostgreSQL cluster"))
}

/// A fresh database with `sql` executed in it; returns its URL.
fn database_with(name: &str, sql: &str) -> String {
    let cluster = cluster();
    cluster.drop_database(name).expect("drop old database");
    let url = cluster.create_database(name).expect("create database");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    if let Err(e) = client.batch_execute(sql) {
        panic!("{name}: the schema does not load into PostgreSQL: {e:?}");
    }
    url
}

fn offline(name: &str, text: &str) -> Catalog {
    sql::load(&[SqlFile {
        name: format!("{name}.sql"),
        text: text.to_string(),
    }])
    .unwrap_or_else(|e| panic!("{name}: offline load failed:\n{e}"))
}

/// Loads `sql` both ways and asserts the catalogs are equal, object by object first so that
/// a failure names what differs.
fn assert_agree(name: &str, sql: &str) -> (Catalog, Catalog) {
    let mut file = offline(name, sql);
    let url = database_with(name, sql);
    let mut db = live::load(&url).unwrap_or_else(|e| panic!("{name}: live load failed: {e}"));
    let (file_unsupported, db_unsupported) = (
        std::mem::take(&mut file.unsupported),
        std::mem::take(&mut db.unsupported),
    );
    // as the differ compares them: an extension's version and comment count only when the
    // file sets them (the database has the installed version and the control file's comment)
    for (extension, wanted) in &file.extensions {
        if let Some(installed) = db.extensions.get_mut(extension) {
            if wanted.version.is_none() {
                installed.version = None;
            }
            if wanted.comment.is_none() {
                installed.comment = None;
            }
        }
    }

    let mut differences = Vec::new();
    macro_rules! compare_keys {
        ($field:ident) => {
            let file_keys: Vec<_> = file.$field.keys().collect();
            let db_keys: Vec<_> = db.$field.keys().collect();
            if file_keys != db_keys {
                differences.push(format!(
                    "{}: file has {file_keys:?}\n  database has {db_keys:?}",
                    stringify!($field)
                ));
            }
        };
    }
    macro_rules! compare_maps {
        ($field:ident) => {
            compare_keys!($field);
            for (key, wanted) in &file.$field {
                if let Some(found) = db.$field.get(key) {
                    if wanted != found {
                        differences.push(format!(
                            "{} {key:?}:{}",
                            stringify!($field),
                            explain(wanted, found)
                        ));
                    }
                }
            }
        };
    }
    compare_maps!(schemas);
    compare_maps!(extensions);
    compare_maps!(enums);
    compare_maps!(domains);
    compare_maps!(composite_types);
    compare_maps!(range_types);
    compare_maps!(collations);
    compare_maps!(functions);
    compare_maps!(sequences);
    compare_maps!(indexes);
    compare_maps!(statistics);
    compare_maps!(triggers);
    compare_maps!(policies);
    compare_maps!(rules);
    compare_maps!(event_triggers);
    compare_maps!(casts);
    compare_maps!(text_search_dictionaries);
    compare_maps!(text_search_configurations);
    compare_maps!(operators);
    compare_maps!(operator_families);
    compare_maps!(operator_classes);
    compare_maps!(publications);
    compare_maps!(foreign_data_wrappers);
    compare_maps!(foreign_servers);
    compare_maps!(user_mappings);
    compare_maps!(subscriptions);
    compare_maps!(foreign_tables);
    compare_maps!(privileges);
    compare_maps!(default_privileges);
    compare_keys!(tables);
    for (key, wanted) in &file.tables {
        let Some(found) = db.tables.get(key) else {
            continue;
        };
        let attributes = |t: &schemadiff_engine::model::Table| {
            (
                t.comment.clone(),
                t.unlogged,
                t.row_security,
                t.force_row_security,
            )
        };
        if attributes(wanted) != attributes(found) {
            differences.push(format!(
                "table {key}: (comment, unlogged, row security, forced) {:?}\n  database: {:?}",
                attributes(wanted),
                attributes(found)
            ));
        }
        let wanted_columns: Vec<_> = wanted.columns.keys().collect();
        let found_columns: Vec<_> = found.columns.keys().collect();
        if wanted_columns != found_columns {
            differences.push(format!(
                "columns of {key}: {wanted_columns:?} vs {found_columns:?}"
            ));
        }
        for (column, w) in &wanted.columns {
            match found.columns.get(column) {
                Some(f) if w == f && w.position == f.position => {}
                f => differences.push(format!("column {key}.{column}:{}", explain(w, &f))),
            }
        }
        let wanted_constraints: Vec<_> = wanted.constraints.keys().collect();
        let found_constraints: Vec<_> = found.constraints.keys().collect();
        if wanted_constraints != found_constraints {
            differences.push(format!(
                "constraints of {key}: file {wanted_constraints:?}\n  database {found_constraints:?}"
            ));
        }
        for (constraint, w) in &wanted.constraints {
            if let Some(f) = found.constraints.get(constraint) {
                if w != f {
                    differences.push(format!(
                        "constraint {constraint} of {key}:{}",
                        explain(w, f)
                    ));
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{name}: the sources disagree:\n{}",
        differences.join("\n")
    );
    assert_eq!(file, db, "{name}");
    file.unsupported = file_unsupported;
    db.unsupported = db_unsupported;
    (file, db)
}

/// Debug output with each `canonical` tree cut down to its hash-like tail, so that a
/// failure shows the printed SQL side by side and says whether the trees differ.
fn short<T: std::fmt::Debug>(value: &T) -> String {
    let text = format!("{value:?}");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("canonical: \"") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 12..];
        let end = after.find("\" }").unwrap_or(after.len());
        let canonical = &after[..end];
        out.push_str(&format!(
            "canonical: <{} chars, {:016x}>",
            canonical.len(),
            fnv(canonical)
        ));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Both values, and where their full Debug output first differs.
fn explain<A: std::fmt::Debug, B: std::fmt::Debug>(file: &A, db: &B) -> String {
    // the printed SQL differs by design; look for the difference in what is compared
    let without_sql = |text: String| {
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(start) = rest.find("sql: \"") {
            out.push_str(&rest[..start]);
            let after = &rest[start..];
            let end = after.find("\", canonical").unwrap_or(after.len());
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    };
    let (a, b) = (
        without_sql(format!("{file:?}")),
        without_sql(format!("{db:?}")),
    );
    let common = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let window = |text: &str| {
        let mut start = common.saturating_sub(150);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (common + 150).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text[start..end].to_string()
    };
    format!(
        "\n  file:     {}\n  database: {}\n  differs at: …{}…\n          vs: …{}…",
        short(file),
        short(db),
        window(&a),
        window(&b)
    )
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

macro_rules! agree {
    ($($name:ident: $sql:expr;)*) => {
        $(
            #[test]
            fn $name() {
                assert_agree(stringify!($name), $sql);
            }
        )*
    };
}

agree! {
    domains: r#"
        CREATE SCHEMA app;
        CREATE COLLATION app.numeric_order (provider = icu, locale = 'en-u-kn-true');
        CREATE COLLATION posix_copy FROM "POSIX";
        CREATE COLLATION german (locale = 'C', deterministic = true);
        CREATE FUNCTION is_code(text) RETURNS boolean LANGUAGE sql IMMUTABLE
            AS $$ SELECT $1 ~ '^[A-Z]+$' $$;
        CREATE DOMAIN email AS text DEFAULT 'nobody@example.com' NOT NULL
            CHECK (VALUE ~ '^[^@]+@[^@]+$');
        CREATE DOMAIN rating AS integer CHECK (VALUE >= 1) CHECK (VALUE <= 5);
        CREATE DOMAIN app.code AS varchar(10) COLLATE "C"
            CONSTRAINT code_format CHECK (is_code(VALUE));
        ALTER DOMAIN rating ADD CONSTRAINT rating_even CHECK (VALUE % 2 = 0) NOT VALID;
        CREATE DOMAIN positive AS numeric(10, 2) DEFAULT 0;
        ALTER DOMAIN positive SET NOT NULL;
        CREATE DOMAIN sorted AS text COLLATE app.numeric_order;
        CREATE TABLE base (id int);
        CREATE DOMAIN base_row AS base;
        COMMENT ON DOMAIN email IS 'an address';
        COMMENT ON COLLATION german IS 'not quite';
        CREATE TYPE pair AS (a integer, b text COLLATE "C", c rating);
        CREATE TYPE app.empty AS ();
        CREATE TYPE steps AS (a int, b text, c text);
        ALTER TYPE steps ADD ATTRIBUTE d int, DROP ATTRIBUTE b,
            ALTER ATTRIBUTE a TYPE bigint, ALTER ATTRIBUTE c TYPE text COLLATE "C";
        COMMENT ON TYPE pair IS 'two things';
        CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
        CREATE TYPE app.textrange AS RANGE (subtype = text, collation = "C",
            multirange_type_name = app.text_multi);
        CREATE FUNCTION add_numeric(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
            AS $$ SELECT $1 + $2 $$;
        CREATE AGGREGATE total(numeric) (SFUNC = add_numeric, STYPE = numeric, INITCOND = '0',
            COMBINEFUNC = add_numeric, PARALLEL = SAFE);
        CREATE AGGREGATE app.counted(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0');
        COMMENT ON AGGREGATE total(numeric) IS 'a sum';
        CREATE TABLE uses (e email, r rating[], p pair, s text COLLATE posix_copy);
    "#;

    column_storage_and_compression: r#"
        CREATE SCHEMA app;
        CREATE TYPE mood AS ENUM ('ok');
        CREATE DOMAIN app.note AS varchar(200);
        CREATE DOMAIN amount AS numeric(12, 2);
        CREATE TYPE pair AS (a int, b text);
        CREATE TABLE stored (
            a text COMPRESSION pglz,
            b numeric(10, 2),
            c integer[],
            d mood,
            e app.note COMPRESSION lz4,
            f amount,
            g pair,
            h timestamp(3) with time zone,
            i bytea,
            j inet,
            k tsquery,
            l jsonb
        );
        -- each its type's own, or another
        ALTER TABLE stored ALTER COLUMN a SET STORAGE EXTERNAL, ALTER COLUMN b SET STORAGE MAIN,
            ALTER COLUMN c SET STORAGE EXTENDED, ALTER COLUMN d SET STORAGE PLAIN,
            ALTER COLUMN e SET STORAGE MAIN, ALTER COLUMN f SET STORAGE EXTERNAL,
            ALTER COLUMN g SET STORAGE EXTENDED, ALTER COLUMN h SET STORAGE PLAIN,
            ALTER COLUMN i SET STORAGE EXTERNAL, ALTER COLUMN j SET STORAGE MAIN,
            ALTER COLUMN k SET STORAGE PLAIN, ALTER COLUMN l SET COMPRESSION lz4;
        ALTER TABLE stored ALTER COLUMN a SET COMPRESSION default;
        CREATE TABLE retyped (a varchar(10) COMPRESSION lz4);
        ALTER TABLE retyped ALTER COLUMN a SET STORAGE EXTERNAL;
        ALTER TABLE retyped ALTER COLUMN a TYPE text;
    "#;

    materialized_views: r#"
        CREATE TABLE sales (id int PRIMARY KEY, region text NOT NULL, amount numeric(10,2));
        CREATE MATERIALIZED VIEW by_region WITH (fillfactor = 70) AS
            SELECT region, sum(amount) AS total FROM sales GROUP BY region;
        CREATE UNIQUE INDEX by_region_region ON by_region (region);
        CREATE INDEX ON by_region (lower(region)) WHERE total > 0;
        COMMENT ON MATERIALIZED VIEW by_region IS 'nightly';
        COMMENT ON COLUMN by_region.total IS 'sum';
        COMMENT ON INDEX by_region_region IS 'for refresh';
        CREATE VIEW regions AS SELECT region FROM by_region;
        CREATE MATERIALIZED VIEW empty_regions (name) AS SELECT region FROM regions WITH NO DATA;
        ALTER MATERIALIZED VIEW empty_regions SET (autovacuum_enabled = false);
        CREATE MATERIALIZED VIEW gone AS SELECT 1 AS one;
        CREATE MATERIALIZED VIEW emptied AS SELECT 1 AS one;
        REFRESH MATERIALIZED VIEW emptied WITH NO DATA;
        CREATE INDEX gone_one ON gone (one);
        DROP MATERIALIZED VIEW gone;
        REFRESH MATERIALIZED VIEW empty_regions;
    "#;
    view_options_and_column_comments: r#"
        CREATE TABLE docs (id int PRIMARY KEY, owner text, public boolean);
        CREATE VIEW open_docs WITH (security_invoker = true, security_barrier) AS
            SELECT id, owner FROM docs WHERE public WITH LOCAL CHECK OPTION;
        CREATE VIEW all_docs AS SELECT d.*, 1 AS one FROM docs d JOIN docs e ON e.id = d.id;
        ALTER VIEW all_docs SET (security_barrier = false);
        ALTER VIEW open_docs RESET (security_barrier);
        COMMENT ON COLUMN all_docs.owner IS 'who';
        CREATE FUNCTION count_docs() RETURNS bigint LANGUAGE sql
            BEGIN ATOMIC SELECT count(*) FROM open_docs WHERE open_docs.id > 0; END;
    "#;
    serial_columns: r#"
        CREATE TABLE items (
            id serial PRIMARY KEY,
            big bigserial,
            small smallserial,
            name text NOT NULL
        );
        CREATE SCHEMA billing;
        CREATE TABLE billing.invoices (id serial4 PRIMARY KEY, number serial8 UNIQUE);
        -- the generated sequence name collides with a sequence that already exists
        CREATE SEQUENCE things_id_seq;
        CREATE TABLE things (id serial);
    "#;

    identity_columns: r#"
        CREATE TABLE events (
            id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5 CACHE 10)
                PRIMARY KEY,
            seq integer GENERATED BY DEFAULT AS IDENTITY,
            neg smallint GENERATED BY DEFAULT AS IDENTITY
                (INCREMENT BY -1 MINVALUE -1000 MAXVALUE -1 CYCLE),
            payload jsonb
        );
        CREATE TABLE later (id int NOT NULL, n bigint);
        ALTER TABLE later ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (MAXVALUE 5000);
    "#;

    generated_columns: r#"
        CREATE TABLE people (
            first_name text NOT NULL,
            last_name text NOT NULL,
            full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
            height_cm numeric,
            height_in numeric GENERATED ALWAYS AS (height_cm / 2.54) STORED,
            upper_name varchar(100) GENERATED ALWAYS AS (upper(first_name)) STORED
        );
    "#;

    column_defaults: r#"
        CREATE SEQUENCE counter START 10;
        CREATE SCHEMA app;
        CREATE SEQUENCE app.other_counter;
        CREATE TYPE state AS ENUM ('new', 'done');
        CREATE TABLE defaults (
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamp DEFAULT CURRENT_TIMESTAMP,
            day date DEFAULT CURRENT_DATE,
            label text DEFAULT 'x',
            code varchar(10) DEFAULT 'abc',
            zero integer DEFAULT 0,
            minus integer DEFAULT -1,
            big bigint DEFAULT 10000000000,
            amount numeric(10,2) DEFAULT 0,
            price numeric DEFAULT 9.99,
            ratio double precision DEFAULT 0.5,
            tags text[] DEFAULT '{}'::text[],
            ints int[] DEFAULT ARRAY[1, 2],
            uid uuid DEFAULT gen_random_uuid(),
            n bigint DEFAULT nextval('counter'),
            m bigint DEFAULT nextval('public.counter'::regclass),
            o bigint DEFAULT nextval('app.other_counter'),
            flag boolean DEFAULT true,
            nothing text DEFAULT NULL,
            st state DEFAULT 'new',
            doc jsonb DEFAULT '{}'::jsonb,
            span interval DEFAULT '1 day',
            timeout interval DEFAULT '90 minutes',
            grace interval DEFAULT interval '1 week',
            expires timestamptz DEFAULT now() + interval '30 days',
            soon timestamptz DEFAULT now() + '1 hour'::interval,
            who text DEFAULT current_user
        );
    "#;

    column_types: r#"
        CREATE EXTENSION citext;
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TABLE typed (
            a varchar(20),
            b varchar,
            c numeric(10,2),
            d numeric(10),
            e decimal,
            f timestamp(3),
            g timestamptz(0),
            h int[],
            i text[][],
            j mood,
            k mood[],
            l citext,
            m char(3),
            n char,
            o interval,
            p interval day to second(2),
            q time(3) with time zone,
            r bit varying(8),
            s bit,
            t float,
            u float(10),
            v double precision,
            w bytea,
            x "char",
            y int2,
            z int8,
            aa bool,
            ab inet,
            ac varchar(30)[],
            ad timestamp with time zone,
            ae public.mood,
            af character varying(5),
            ag money,
            ah tstzrange
        );
    "#;

    collations: r#"
        CREATE TABLE coll (
            a text COLLATE "C",
            b varchar(10) COLLATE "POSIX",
            c text COLLATE pg_catalog."C",
            d text COLLATE "default",
            e text[] COLLATE "C",
            f text
        );
    "#;

    unnamed_constraints: r#"
        CREATE SCHEMA app;
        CREATE TABLE app.accounts (id bigint PRIMARY KEY, email text UNIQUE);
        CREATE TABLE customers (
            id int PRIMARY KEY,
            email text NOT NULL UNIQUE,
            name text CHECK (char_length(name) > 0),
            age int CHECK (age >= 0 AND age < 150),
            a int,
            b int,
            UNIQUE (a, b),
            CHECK (a < b),
            UNIQUE NULLS NOT DISTINCT (b)
        );
        CREATE TABLE orders (
            id int,
            line int,
            customer_id int REFERENCES customers,
            account_id bigint REFERENCES app.accounts (id) ON DELETE CASCADE,
            status text CHECK (status IN ('new', 'paid')),
            total numeric(10,2) CHECK (total > 0),
            PRIMARY KEY (id, line)
        );
        CREATE TABLE order_notes (
            order_id int,
            line int,
            note text,
            FOREIGN KEY (order_id, line) REFERENCES orders ON UPDATE CASCADE ON DELETE SET NULL,
            UNIQUE (order_id, line) INCLUDE (note)
        );
        CREATE TABLE app.audit (
            id int PRIMARY KEY,
            customer_id int REFERENCES public.customers (id) MATCH FULL,
            account_id bigint,
            FOREIGN KEY (account_id) REFERENCES app.accounts
        );
    "#;

    check_expressions: r#"
        CREATE TABLE checks (
            price numeric CHECK (price BETWEEN 0 AND 100),
            code varchar(3) CHECK (code ~ '^[A-Z]+$') CHECK (length(code) = 3),
            kind varchar(10) CHECK (kind IN ('a', 'b')),
            other varchar(10) CHECK (other NOT IN ('x')),
            name text CHECK (name LIKE 'a%' OR name ILIKE 'B%'),
            starts_at timestamptz,
            ends_at timestamptz,
            tags text[] CHECK (tags <> '{}'),
            amount numeric(10,2) CHECK (amount >= 0.0),
            x int,
            y int,
            CHECK (starts_at < ends_at),
            CHECK (x IS NOT NULL OR y IS NOT NULL),
            CHECK (NOT (x = y)),
            CONSTRAINT ranged CHECK (x > 0 AND x < 10 AND y > 0) NO INHERIT,
            CHECK (coalesce(x, 0) + coalesce(y, 0) < 100),
            CHECK (CASE WHEN x > 1 THEN y > 1 ELSE true END),
            CHECK (x IN (y, 1, 2)),
            CHECK (x NOT IN (y, 3)),
            CHECK (y IN (x)),
            CHECK (x > 0 AND y BETWEEN 1 AND 5),
            CHECK (x NOT BETWEEN 100 AND 200),
            CHECK (upper(code::text) = code),
            CHECK (kind::text <> '' AND kind IS DISTINCT FROM 'z'),
            CHECK (ends_at > starts_at + interval '1 hour'),
            CHECK (array_length(tags, 1) < 10),
            CHECK (x * price >= 0),
            CHECK ((amount * 1000)::integer = amount * 1000),
            CHECK (length(name) < price),
            CHECK (x + y > 1.5),
            CHECK (x::double precision < 1e300)
        );
    "#;

    not_valid_and_deferrable: r#"
        CREATE TABLE parents (id int PRIMARY KEY);
        CREATE TABLE children (id int PRIMARY KEY, parent_id int, qty int, code text);
        ALTER TABLE children ADD CONSTRAINT children_parent_fk
            FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;
        ALTER TABLE children ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;
        ALTER TABLE children ADD CONSTRAINT code_unique UNIQUE (code)
            DEFERRABLE INITIALLY DEFERRED;
        ALTER TABLE children ADD FOREIGN KEY (id) REFERENCES parents DEFERRABLE;
        ALTER TABLE children ADD CONSTRAINT validated CHECK (qty < 1000) NOT VALID;
        ALTER TABLE children VALIDATE CONSTRAINT validated;
    "#;

    exclusion_constraints: r#"
        CREATE EXTENSION btree_gist;
        CREATE TABLE bookings (
            room int,
            during tstzrange,
            EXCLUDE USING gist (room WITH =, during WITH &&)
        );
        CREATE TABLE bookings2 (
            room int,
            during tstzrange,
            cancelled boolean,
            CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
                WHERE (NOT cancelled)
        );
    "#;

    indexes: r#"
        CREATE TABLE users (
            id int PRIMARY KEY,
            email varchar(200),
            name text,
            deleted_at timestamptz,
            tags text[],
            created_at timestamptz,
            score int
        );
        CREATE INDEX ON users (email) WHERE deleted_at IS NULL;
        CREATE UNIQUE INDEX users_lower_email ON users (lower(email));
        CREATE INDEX ON users (lower(name));
        CREATE INDEX users_name_incl ON users (name) INCLUDE (score);
        CREATE INDEX users_tags ON users USING gin (tags);
        CREATE INDEX users_created ON users (created_at DESC NULLS LAST);
        CREATE INDEX users_created_asc ON users (created_at ASC NULLS LAST, score DESC NULLS FIRST);
        CREATE INDEX users_name_pattern ON users (name text_pattern_ops);
        CREATE INDEX users_name_c ON users (name COLLATE "C");
        CREATE INDEX ON users (name, created_at);
        CREATE INDEX ON users (name, created_at);
        CREATE INDEX users_score ON users USING btree (score) WITH (fillfactor = 70);
        CREATE UNIQUE INDEX users_email_nnd ON users (email) NULLS NOT DISTINCT;
        CREATE INDEX users_hash ON users USING hash (email);
        CREATE INDEX users_brin ON users USING brin (created_at);
        CREATE INDEX ON users ((score + 1));
        CREATE INDEX IF NOT EXISTS users_score ON users (score);
        CREATE SCHEMA app;
        CREATE TABLE app.t (a int, b text);
        CREATE INDEX ON app.t (a) WHERE b IN ('x', 'y');
        CREATE INDEX t_b ON app.t (b varchar_pattern_ops);
    "#;

    // `x IN (…)` on a varchar column is stored with the array cast as a whole, the form
    // pg_get_indexdef prints is stored with each element cast: other trees for the server,
    // one condition, so both sources read all three spellings as one
    in_list_spellings: r#"
        CREATE TABLE findings (
            status varchar(20) NOT NULL,
            CONSTRAINT written CHECK (status IN ('new', 'seen')),
            CONSTRAINT printed CHECK ((status)::text = ANY ((ARRAY['new'::character varying, 'seen'::character varying])::text[])),
            CONSTRAINT stored CHECK ((status)::text = ANY (ARRAY[('new'::character varying)::text, ('seen'::character varying)::text]))
        );
        CREATE INDEX written_idx ON findings (status) WHERE status IN ('new', 'seen');
        CREATE INDEX printed_idx ON findings (status)
            WHERE (status)::text = ANY ((ARRAY['new'::character varying, 'seen'::character varying])::text[]);
    "#;

    comments_on_everything: r#"
        CREATE EXTENSION citext;
        COMMENT ON EXTENSION citext IS 'case-insensitive text';
        CREATE SCHEMA app;
        COMMENT ON SCHEMA app IS 'the application';
        COMMENT ON SCHEMA public IS 'not so standard';
        CREATE TYPE app.status AS ENUM ('on', 'off');
        COMMENT ON TYPE app.status IS 'on or off';
        CREATE SEQUENCE app.numbers;
        COMMENT ON SEQUENCE app.numbers IS 'for numbering';
        CREATE TABLE app.things (id serial PRIMARY KEY, name citext CHECK (name <> ''));
        COMMENT ON TABLE app.things IS 'things';
        COMMENT ON COLUMN app.things.name IS 'the name';
        COMMENT ON CONSTRAINT things_pkey ON app.things IS 'the key';
        COMMENT ON CONSTRAINT things_name_check ON app.things IS 'not empty';
        CREATE INDEX things_name ON app.things (name);
        COMMENT ON INDEX app.things_name IS 'by name';
        COMMENT ON TABLE app.things IS 'things, really';
        CREATE TABLE bare (a int);
        COMMENT ON TABLE bare IS 'x';
        COMMENT ON TABLE bare IS NULL;
        COMMENT ON COLUMN bare.a IS 'it''s quoted';
    "#;

    long_names: r#"
        CREATE TABLE a_table_with_a_very_long_name_that_goes_past_the_identifier_limit_of_postgres (
            id serial PRIMARY KEY,
            a_column_with_a_long_name_too_for_good_measure_and_even_more_than_that int UNIQUE,
            another_column_with_a_really_long_name_that_is_also_over_the_limit int
                CHECK (another_column_with_a_really_long_name_that_is_also_over_the_limit > 0)
        );
        CREATE TABLE short (
            id int PRIMARY KEY,
            ref int REFERENCES a_table_with_a_very_long_name_that_goes_past_the_identifier_limit_of_postgres
        );
        CREATE INDEX ON a_table_with_a_very_long_name_that_goes_past_the_identifier_limit_of_postgres
            (another_column_with_a_really_long_name_that_is_also_over_the_limit,
             a_column_with_a_long_name_too_for_good_measure_and_even_more_than_that);
        CREATE TABLE "ünïcödé_ünïcödé_ünïcödé_ünïcödé_ünïcödé_ünïcödé" (
            "çolumn_çolumn_çolumn_çolumn" int UNIQUE
        );
    "#;

    quoted_identifiers: r#"
        CREATE TYPE "Mood" AS ENUM ('Happy', 'sad face');
        CREATE TABLE "user" (
            id serial PRIMARY KEY,
            "Name" text NOT NULL,
            "order" int,
            "select" "Mood"
        );
        CREATE TABLE "Order" (
            "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            "userId" int REFERENCES "user",
            "select" text CHECK ("select" <> ''),
            "Total Amount" numeric(10,2) DEFAULT 0
        );
        CREATE INDEX "Order_userId" ON "Order" ("userId");
        CREATE INDEX ON "Order" (lower("select"));
        CREATE SEQUENCE "My Seq";
        CREATE SCHEMA "Sales";
        CREATE TABLE "Sales"."Lead" (id serial PRIMARY KEY, "user" int REFERENCES "user" (id));
    "#;

    sequences: r#"
        CREATE SCHEMA app;
        CREATE SEQUENCE s1;
        CREATE SEQUENCE app.s2 AS integer START 5 INCREMENT 2 MINVALUE 1 MAXVALUE 1000 CACHE 20 CYCLE;
        CREATE SEQUENCE s3 INCREMENT -1;
        CREATE SEQUENCE s4 AS smallint;
        CREATE SEQUENCE s5 START 1 MINVALUE 0;
        CREATE TABLE t (id int, other int);
        CREATE SEQUENCE s6 OWNED BY t.id;
        CREATE SEQUENCE s7;
        ALTER SEQUENCE s7 OWNED BY t.other;
        ALTER SEQUENCE s1 INCREMENT 10 NO MAXVALUE;
        ALTER SEQUENCE s4 AS integer;
    "#;

    built_step_by_step: r#"
        CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v jsonb);
        CREATE TABLE t (a int, z int);
        ALTER TABLE t ADD COLUMN b text DEFAULT 'y';
        ALTER TABLE t DROP COLUMN a;
        ALTER TABLE t ADD PRIMARY KEY (b);
        ALTER TABLE t ALTER COLUMN z SET DEFAULT 5;
        ALTER TABLE t ALTER COLUMN z SET NOT NULL;
        ALTER TABLE t ADD COLUMN c varchar(10);
        ALTER TABLE t ALTER COLUMN c TYPE varchar(20);
        ALTER TABLE t RENAME COLUMN c TO d;
        ALTER TABLE t ADD CONSTRAINT d_check CHECK (d <> '');
        CREATE TABLE old_name (id int PRIMARY KEY);
        ALTER TABLE old_name RENAME TO new_name;
        CREATE TABLE logged (id int);
        ALTER TABLE logged SET UNLOGGED;
        CREATE TABLE gone (id int);
        DROP TABLE gone;
    "#;

    extension_in_schema: r#"
        CREATE SCHEMA ext;
        CREATE EXTENSION citext SCHEMA ext;
        CREATE EXTENSION btree_gist WITH SCHEMA ext;
        CREATE TABLE t (
            name ext.citext,
            names ext.citext[],
            during tstzrange,
            EXCLUDE USING gist (name WITH =, during WITH &&)
        );
        CREATE INDEX ON t USING gist (name);
    "#;

    generated_names_collide: r#"
        CREATE TABLE t (
            a int UNIQUE CHECK (a > 0) CHECK (a < 100),
            b int CHECK (b > 0),
            c int,
            UNIQUE (a),
            CHECK (b < 10),
            CHECK (a < b),
            CHECK (a <> b)
        );
        CREATE INDEX ON t (a);
        CREATE INDEX ON t (a);
        CREATE INDEX ON t ((a + b));
        CREATE INDEX ON t ((a + b), (b * 2));
        CREATE INDEX ON t (a, a);
        CREATE INDEX ON t (lower(c::text), upper(c::text));
        CREATE INDEX ON t (coalesce(a, b));
        CREATE INDEX ON t ((c::text));
        CREATE TABLE t_a_fkey (id int PRIMARY KEY);
        CREATE TABLE u (a int REFERENCES t_a_fkey, self int REFERENCES u (a2), a2 int UNIQUE);
        CREATE TABLE empty ();
        CREATE TABLE a_table_name_that_is_long_enough_to_be_truncated_with_serial_col (
            a_serial_column_with_a_long_name serial
        );
    "#;

    like_and_options: r#"
        CREATE TABLE base (
            id int PRIMARY KEY,
            name text NOT NULL DEFAULT 'n' CHECK (name <> ''),
            created_at timestamptz DEFAULT now()
        );
        COMMENT ON COLUMN base.name IS 'the name';
        CREATE TABLE copy_plain (LIKE base);
        CREATE TABLE copy_defaults (LIKE base INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS, extra int);
        CREATE TABLE with_options (
            id int,
            other int,
            CONSTRAINT with_options_pk PRIMARY KEY (id) WITH (fillfactor = 80),
            FOREIGN KEY (other) REFERENCES base ON DELETE SET NULL (other)
        );
        CREATE TABLE self_ref (
            id int PRIMARY KEY,
            parent int REFERENCES self_ref,
            payload jsonb CHECK (payload ? 'kind'),
            data jsonb,
            CHECK ((data ->> 'v')::int > 0)
        );
        CREATE INDEX ON self_ref ((data ->> 'k'));
        CREATE INDEX self_ref_payload ON self_ref USING gin (payload jsonb_path_ops);
        CREATE INDEX self_ref_partial ON self_ref (parent) WHERE lower(data ->> 'k') <> '' AND id > 10;
    "#;

    more_defaults: r#"
        CREATE SCHEMA app;
        CREATE TYPE app.status AS ENUM ('new', 'it''s done');
        CREATE TABLE more (
            a text DEFAULT '',
            b text DEFAULT 'it''s',
            c numeric DEFAULT -1.5,
            d numeric(5,2) DEFAULT 1,
            e bigint DEFAULT 1,
            f text[] DEFAULT ARRAY[]::text[],
            g jsonb DEFAULT '[]',
            h app.status DEFAULT 'new'::app.status,
            i date DEFAULT now()::date,
            j text DEFAULT lower('X'),
            k int DEFAULT (1 + 2),
            l double precision DEFAULT 1e10,
            m real DEFAULT 0.1,
            n boolean DEFAULT false,
            o text DEFAULT NULL::text,
            p smallint DEFAULT 7,
            q varchar(5) DEFAULT 'x'::varchar,
            r timestamptz DEFAULT transaction_timestamp(),
            s text DEFAULT current_setting('application_name'),
            t int DEFAULT length('abc'),
            u boolean DEFAULT 't',
            v boolean DEFAULT 'off',
            w double precision DEFAULT 1.5e-7,
            x numeric DEFAULT 2.50
        );
        COMMENT ON TABLE more IS E'multi\nline ''comment''';
    "#;

    assorted_spellings: r#"
        CREATE SCHEMA "Sales";
        CREATE TYPE "Sales"."Kind" AS ENUM ('a', 'b');
        CREATE SEQUENCE "My Seq";
        CREATE TABLE "Sales".deals (
            id int,
            ref int,
            kind "Sales"."Kind"[] DEFAULT '{a}',
            n bigint DEFAULT nextval('"My Seq"'),
            code varchar(10) DEFAULT 'abc'::character varying,
            price numeric(10,2) DEFAULT -1,
            name text COLLATE "C",
            CONSTRAINT deals_pk PRIMARY KEY (id) INCLUDE (ref),
            CONSTRAINT deals_ref_fk FOREIGN KEY (ref) REFERENCES "Sales".deals (id)
                MATCH SIMPLE ON UPDATE NO ACTION ON DELETE RESTRICT
                DEFERRABLE INITIALLY IMMEDIATE,
            CONSTRAINT deals_code CHECK (code SIMILAR TO '[a-z]+' AND code = ANY (ARRAY['x', 'y'])),
            CHECK (name NOT SIMILAR TO 'x%' ESCAPE '#'),
            CONSTRAINT deals_name UNIQUE (name) NOT DEFERRABLE
        );
        ALTER TABLE "Sales".deals ADD COLUMN serial_id serial;
        CREATE UNIQUE INDEX deals_lower ON "Sales".deals (lower(code) COLLATE "C" DESC) INCLUDE (price)
            WHERE price > 0;
        CREATE INDEX IF NOT EXISTS deals_kind ON "Sales".deals USING gin (kind);
        CREATE INDEX deals_dedup ON "Sales".deals (price) WITH (deduplicate_items = off);
    "#;

    triggers_and_policies: r#"
        CREATE ROLE tp_reader;
        CREATE ROLE tp_writer;
        CREATE ROLE tp_admin;
        CREATE SCHEMA app;
        CREATE TABLE app.members (team int, member text);
        CREATE TABLE "Docs" (id int PRIMARY KEY, owner text, team int, body varchar(20), "Size" int);
        CREATE VIEW doc_view AS SELECT id, owner FROM "Docs";
        CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
        CREATE FUNCTION app.allowed(t int) RETURNS boolean LANGUAGE sql AS 'SELECT t > 0';
        CREATE TRIGGER "Stamp" BEFORE UPDATE OF owner, "Size" ON "Docs"
            FOR EACH ROW WHEN (NEW.owner IS DISTINCT FROM OLD.owner OR NEW.body::text = 'x')
            EXECUTE PROCEDURE stamp(1, 'two', "Three");
        CREATE TRIGGER batch AFTER DELETE ON "Docs" REFERENCING OLD TABLE AS gone
            FOR EACH STATEMENT EXECUTE FUNCTION stamp();
        CREATE CONSTRAINT TRIGGER later AFTER INSERT ON "Docs" DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION stamp();
        CREATE TRIGGER on_view INSTEAD OF UPDATE ON doc_view FOR EACH ROW EXECUTE FUNCTION stamp();
        ALTER TABLE "Docs" DISABLE TRIGGER batch;
        ALTER TABLE "Docs" ENABLE ALWAYS TRIGGER later;
        COMMENT ON TRIGGER "Stamp" ON "Docs" IS 'stamps';
        ALTER TABLE "Docs" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "Docs" FORCE ROW LEVEL SECURITY;
        CREATE POLICY own ON "Docs" USING (owner = current_user);
        CREATE POLICY "Team" ON "Docs" AS RESTRICTIVE FOR UPDATE TO tp_writer, PUBLIC
            USING (team IN (SELECT m.team FROM app.members m WHERE m.member = "Docs".owner))
            WITH CHECK (app.allowed(team) AND body LIKE 'a%' AND "Size" BETWEEN 1 AND 10);
        CREATE POLICY ins ON "Docs" FOR INSERT TO tp_reader WITH CHECK (team IN (1, 2));
        ALTER POLICY ins ON "Docs" TO tp_admin;
        COMMENT ON POLICY own ON "Docs" IS 'owners';
    "#;

    rules: r#"
        CREATE SCHEMA app;
        CREATE TABLE app.log (id int, "Note" text, at timestamptz DEFAULT now());
        CREATE TABLE "Docs" (id int PRIMARY KEY, body varchar(20), hidden boolean DEFAULT false);
        CREATE VIEW doc_view AS SELECT id, body FROM "Docs" WHERE NOT hidden;
        CREATE FUNCTION app.tag(t text) RETURNS text LANGUAGE sql AS 'SELECT upper(t)';
        CREATE RULE keep AS ON DELETE TO "Docs" DO INSTEAD
            UPDATE "Docs" SET hidden = true WHERE id = OLD.id;
        CREATE RULE "Audit" AS ON UPDATE TO "Docs"
            WHERE OLD.body IS DISTINCT FROM NEW.body AND NEW.body::text <> 'x'
            DO ALSO (INSERT INTO app.log VALUES (NEW.id, app.tag(NEW.body));
                     UPDATE app.log SET "Note" = 'seen' WHERE log.id = OLD.id);
        CREATE RULE quiet AS ON INSERT TO app.log DO INSTEAD NOTHING;
        CREATE RULE shout AS ON INSERT TO app.log DO NOTIFY app_log;
        CREATE RULE add AS ON INSERT TO doc_view DO INSTEAD
            INSERT INTO "Docs" (id, body) VALUES (NEW.id, NEW.body) RETURNING id, body;
        CREATE RULE put AS ON UPDATE TO doc_view DO INSTEAD
            UPDATE "Docs" SET body = NEW.body WHERE id = OLD.id RETURNING "Docs".id, body;
        ALTER TABLE app.log DISABLE RULE quiet;
        ALTER TABLE "Docs" ENABLE REPLICA RULE keep;
        COMMENT ON RULE "Audit" ON "Docs" IS 'audits';
    "#;

    event_triggers: r#"
        CREATE SCHEMA app;
        CREATE FUNCTION app.note() RETURNS event_trigger LANGUAGE plpgsql
            AS 'BEGIN RAISE NOTICE ''ddl''; END';
        CREATE FUNCTION watch() RETURNS event_trigger LANGUAGE plpgsql
            AS 'BEGIN RAISE NOTICE ''ddl''; END';
        CREATE EVENT TRIGGER "Tables" ON ddl_command_end
            WHEN TAG IN ('create table', 'ALTER TABLE', 'Create Table')
            EXECUTE PROCEDURE app.note();
        CREATE EVENT TRIGGER drops ON sql_drop EXECUTE FUNCTION public.watch();
        CREATE EVENT TRIGGER early ON ddl_command_start EXECUTE FUNCTION watch();
        CREATE EVENT TRIGGER rewrites ON table_rewrite WHEN tag IN ('ALTER TABLE')
            EXECUTE FUNCTION watch();
        ALTER EVENT TRIGGER drops DISABLE;
        ALTER EVENT TRIGGER early ENABLE REPLICA;
        ALTER EVENT TRIGGER rewrites ENABLE ALWAYS;
        ALTER EVENT TRIGGER rewrites RENAME TO "Rewrites";
        COMMENT ON EVENT TRIGGER "Tables" IS 'table DDL';
    "#;

    // types spelled as the server prints them (`int4`, `public.`, quoted), a function named
    // without its arguments, in another schema or built in, every method and context, a
    // comment, and one dropped with IF EXISTS
    casts: r#"
        CREATE SCHEMA "Money";
        CREATE TYPE mood AS ENUM ('sad', 'happy');
        CREATE TYPE "Money"."Amount" AS (units bigint, currency text);
        CREATE FUNCTION "Money".amount_text(a "Money"."Amount") RETURNS text
            LANGUAGE sql IMMUTABLE AS $$ SELECT a.currency $$;
        CREATE FUNCTION mood_score(m mood, typmod int4, explicit boolean) RETURNS numeric
            LANGUAGE sql IMMUTABLE AS $$ SELECT 1::numeric $$;
        CREATE FUNCTION mood_rank(m public.mood) RETURNS int4
            LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
        CREATE CAST ("Money"."Amount" AS text)
            WITH FUNCTION "Money".amount_text("Money"."Amount") AS ASSIGNMENT;
        CREATE CAST (public.mood AS numeric) WITH FUNCTION mood_score(mood, int, bool);
        CREATE CAST (mood AS integer) WITH FUNCTION mood_rank AS IMPLICIT;
        CREATE CAST (xid AS int4) WITHOUT FUNCTION;
        CREATE CAST (text AS "Money"."Amount") WITH INOUT;
        CREATE DOMAIN label AS text;
        CREATE CAST (label AS integer) WITH FUNCTION length(text);
        CREATE CAST (mood AS varchar) WITH INOUT;
        DROP CAST (mood AS character varying);
        DROP CAST IF EXISTS (mood AS date);
        COMMENT ON CAST (text AS "Money"."Amount") IS 'parsed';
        COMMENT ON CAST (mood AS int) IS 'rank';
        COMMENT ON CAST (mood AS int) IS NULL;
    "#;

    // templates named unqualified, qualified or quoted; options as names, strings, numbers
    // and booleans in any case, set and removed by ALTER; quoted names; mappings to the
    // file's and built-in dictionaries, added, altered, replaced and dropped in file order,
    // and a copy of a configuration; comments; a dictionary dropped with the configuration
    // that maps to it; a dictionary and a configuration renamed and moved, mappings following
    text_search: r#"
        CREATE SCHEMA "Search";
        CREATE TEXT SEARCH DICTIONARY "Search"."Stems" (TEMPLATE = snowball, Language = 'english');
        CREATE TEXT SEARCH DICTIONARY plain (TEMPLATE = pg_catalog."simple", StopWords = english, Accept = true);
        ALTER TEXT SEARCH DICTIONARY plain (accept = false, STOPWORDS);
        CREATE TEXT SEARCH DICTIONARY "Search".synonyms (TEMPLATE = synonym, SYNONYMS = synonym_sample, CaseSensitive = 1);
        CREATE TEXT SEARCH CONFIGURATION "Search".english (PARSER = "default");
        ALTER TEXT SEARCH CONFIGURATION "Search".english
            ADD MAPPING FOR asciiword, word WITH "Search".synonyms, "Search"."Stems";
        ALTER TEXT SEARCH CONFIGURATION "Search".english ADD MAPPING FOR int, "uint" WITH simple;
        ALTER TEXT SEARCH CONFIGURATION "Search".english ALTER MAPPING FOR word WITH plain;
        ALTER TEXT SEARCH CONFIGURATION "Search".english
            ALTER MAPPING FOR asciiword REPLACE "Search".synonyms WITH english_stem;
        ALTER TEXT SEARCH CONFIGURATION "Search".english ADD MAPPING FOR email WITH "Search".synonyms;
        ALTER TEXT SEARCH CONFIGURATION "Search".english DROP MAPPING IF EXISTS FOR url, email;
        CREATE TEXT SEARCH CONFIGURATION bare (PARSER = pg_catalog.default);
        CREATE TEXT SEARCH CONFIGURATION "Search".copied (COPY = "Search".english);
        ALTER TEXT SEARCH CONFIGURATION "Search".copied ALTER MAPPING REPLACE simple WITH plain;
        COMMENT ON TEXT SEARCH DICTIONARY plain IS 'words as they are';
        COMMENT ON TEXT SEARCH CONFIGURATION "Search".copied IS 'copied';
        CREATE TEXT SEARCH DICTIONARY gone (TEMPLATE = simple);
        CREATE TEXT SEARCH CONFIGURATION "Search".gone (PARSER = default);
        ALTER TEXT SEARCH CONFIGURATION "Search".gone ADD MAPPING FOR word WITH gone;
        DROP TEXT SEARCH DICTIONARY gone CASCADE;
        DROP TEXT SEARCH CONFIGURATION IF EXISTS "Search".never;
        CREATE TEXT SEARCH DICTIONARY old_name (TEMPLATE = simple);
        ALTER TEXT SEARCH CONFIGURATION bare ADD MAPPING FOR word WITH old_name;
        ALTER TEXT SEARCH DICTIONARY old_name RENAME TO "Renamed";
        ALTER TEXT SEARCH DICTIONARY "Renamed" SET SCHEMA "Search";
        ALTER TEXT SEARCH CONFIGURATION bare RENAME TO bare_renamed;
        ALTER TEXT SEARCH CONFIGURATION bare_renamed SET SCHEMA "Search";
    "#;

    // operators with their links as the server makes them: a negator created as a shell and
    // filled in (which overwrites the shell's links), a commutator that exists gets the link
    // back, a prefix operator moved to another schema, estimators altered, one dropped;
    // families with members added and dropped apart from classes, a class's own family, a
    // class in another family (a function named without arguments, a storage type that is
    // the indexed one), renamed and moved; a class dropped keeps its family
    operators: r#"
        CREATE SCHEMA "Ops";
        CREATE FUNCTION ci_eq(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT
            AS $$ SELECT lower(a) = lower(b) $$;
        CREATE FUNCTION ci_ne(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT
            AS $$ SELECT lower(a) <> lower(b) $$;
        CREATE FUNCTION ci_lt(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT
            AS $$ SELECT lower(a) < lower(b) $$;
        CREATE FUNCTION ci_gt(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT
            AS $$ SELECT lower(a) > lower(b) $$;
        CREATE FUNCTION ci_cmp(a text, b text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
            AS $$ SELECT CASE WHEN lower(a) < lower(b) THEN -1 WHEN lower(a) > lower(b) THEN 1 ELSE 0 END $$;
        CREATE FUNCTION ci_hash(a text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
            AS $$ SELECT hashtext(lower(a)) $$;
        CREATE FUNCTION "Ops".neg(integer) RETURNS integer LANGUAGE sql IMMUTABLE
            AS $$ SELECT -$1 $$;
        CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, PROCEDURE = ci_eq,
            COMMUTATOR = ===, NEGATOR = !==, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
        CREATE OPERATOR !== (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_ne);
        CREATE OPERATOR <<< (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_lt);
        CREATE OPERATOR >>> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.ci_gt,
            COMMUTATOR = OPERATOR(public.<<<));
        CREATE OPERATOR "Ops".~- (RIGHTARG = int4, FUNCTION = "Ops".neg);
        ALTER OPERATOR "Ops".~- (NONE, integer) SET SCHEMA public;
        ALTER OPERATOR !== (text, text) SET (RESTRICT = neqsel, JOIN = neqjoinsel);
        CREATE OPERATOR ~~~ (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq);
        DROP OPERATOR ~~~ (text, text);
        COMMENT ON OPERATOR <<< (text, text) IS 'less ignoring case';
        CREATE OPERATOR FAMILY "Ops".ci_hash USING hash;
        ALTER OPERATOR FAMILY "Ops".ci_hash USING hash
            ADD OPERATOR 1 ===(text, text), FUNCTION 1 ci_hash(text);
        CREATE OPERATOR FAMILY emptied USING hash;
        ALTER OPERATOR FAMILY emptied USING hash ADD OPERATOR 1 ===(text, text);
        ALTER OPERATOR FAMILY emptied USING hash DROP OPERATOR 1 (text, text);
        CREATE OPERATOR CLASS text_ci_ops FOR TYPE text USING btree AS
            OPERATOR 1 <<<, OPERATOR 3 ===(text, text), OPERATOR 5 >>>,
            FUNCTION 1 ci_cmp(text, text), STORAGE text;
        CREATE OPERATOR FAMILY shared USING btree;
        CREATE OPERATOR CLASS "Ops".in_shared FOR TYPE text USING btree FAMILY shared AS
            OPERATOR 3 ===, FUNCTION 1 (text, text) ci_cmp;
        ALTER OPERATOR CLASS "Ops".in_shared USING btree RENAME TO renamed;
        ALTER OPERATOR FAMILY shared USING btree SET SCHEMA "Ops";
        COMMENT ON OPERATOR FAMILY "Ops".shared USING btree IS 'shared';
        COMMENT ON OPERATOR CLASS text_ci_ops USING btree IS 'orders ignoring case';
        CREATE OPERATOR CLASS dropped_ops FOR TYPE text USING hash AS OPERATOR 1 ===;
        DROP OPERATOR CLASS dropped_ops USING hash;
    "#;

    // kinds as the server stores them (all when none or every one is written), columns as
    // a set, `(column)` as the column, expressions (PostgreSQL 14+), another schema than the
    // table's, a materialized view's; targets, comments, renames and moves folded in, and
    // a dropped column taking its statistics with it
    statistics: r#"
        CREATE SCHEMA "Planner";
        CREATE FUNCTION initial(name text) RETURNS text LANGUAGE sql IMMUTABLE
            AS $$ SELECT left(name, 1) $$;
        CREATE TABLE "Orders" (id int PRIMARY KEY, "Region" text, city text, zip text,
            born date, note text);
        CREATE STATISTICS every_kind ON city, "Region" FROM "Orders";
        CREATE STATISTICS all_written (mcv, dependencies, ndistinct) ON zip, city
            FROM public."Orders";
        CREATE STATISTICS IF NOT EXISTS all_written ON zip, id FROM "Orders";
        CREATE STATISTICS "Planner"."Some Kinds" (mcv, ndistinct) ON (city), zip, id
            FROM "Orders";
        CREATE STATISTICS expressions ON (lower(city)), (initial("Region")), zip
            FROM "Orders";
        CREATE STATISTICS one_expression ON (extract(year FROM born)) FROM "Orders";
        CREATE STATISTICS targeted (dependencies) ON id, city FROM "Orders";
        ALTER STATISTICS targeted SET STATISTICS 250;
        CREATE STATISTICS reset ON id, zip FROM "Orders";
        ALTER STATISTICS reset SET STATISTICS 50;
        ALTER STATISTICS reset SET STATISTICS -1;
        COMMENT ON STATISTICS expressions IS 'by expression';
        CREATE STATISTICS old_name ON id, "Region" FROM "Orders";
        ALTER STATISTICS old_name RENAME TO new_name;
        ALTER STATISTICS new_name SET SCHEMA "Planner";
        CREATE STATISTICS gone ON note, city FROM "Orders";
        ALTER TABLE "Orders" DROP COLUMN note;
        CREATE STATISTICS dropped ON id, city FROM "Orders";
        DROP STATISTICS dropped;
        DROP STATISTICS IF EXISTS never_created;
        CREATE MATERIALIZED VIEW totals AS SELECT city, zip, count(*) AS n
            FROM "Orders" GROUP BY city, zip;
        CREATE STATISTICS totals_place ON city, zip FROM totals;
    "#;

    // wrappers with and without functions (an extension's left out), options as the server
    // stores them, ADD/SET/DROP folded in, renames, comments; servers with type and version;
    // user mappings for a role, PUBLIC and CURRENT_USER, a password among their options
    foreign_data_wrappers: r#"
        CREATE ROLE lmo_fdw_user;
        CREATE EXTENSION postgres_fdw;
        CREATE SCHEMA app;
        CREATE FUNCTION app.check(text[], oid) RETURNS void LANGUAGE plpgsql AS 'BEGIN END';
        CREATE FOREIGN DATA WRAPPER plain;
        CREATE FOREIGN DATA WRAPPER "Checked" HANDLER postgres_fdw_handler
            VALIDATOR app.check OPTIONS (a '1', "B c" 'it''s', d '');
        ALTER FOREIGN DATA WRAPPER "Checked" OPTIONS (SET a '2', DROP d, ADD e 'x=y');
        CREATE FOREIGN DATA WRAPPER gone VALIDATOR app.check;
        ALTER FOREIGN DATA WRAPPER gone NO VALIDATOR;
        ALTER FOREIGN DATA WRAPPER gone RENAME TO renamed;
        COMMENT ON FOREIGN DATA WRAPPER plain IS 'no functions';
        CREATE SERVER s1 TYPE 'cold' VERSION '1' FOREIGN DATA WRAPPER plain
            OPTIONS (host 'h', port '1');
        ALTER SERVER s1 VERSION '2' OPTIONS (DROP port, ADD dbname 'd');
        CREATE SERVER "S2" FOREIGN DATA WRAPPER renamed;
        CREATE SERVER s3 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'r');
        CREATE SERVER old VERSION '9' FOREIGN DATA WRAPPER "Checked";
        ALTER SERVER old VERSION NULL;
        ALTER SERVER old RENAME TO new;
        COMMENT ON SERVER s1 IS 'first';
        CREATE USER MAPPING FOR lmo_fdw_user SERVER s1 OPTIONS (user 'u', password 'p');
        ALTER USER MAPPING FOR lmo_fdw_user SERVER s1 OPTIONS (SET password 'q');
        CREATE USER MAPPING FOR PUBLIC SERVER "S2";
        CREATE USER MAPPING FOR CURRENT_USER SERVER s3 OPTIONS (user 'me');
        CREATE USER MAPPING FOR PUBLIC SERVER new OPTIONS (user 'x');
        DROP USER MAPPING FOR PUBLIC SERVER new;
        GRANT USAGE ON FOREIGN SERVER s1 TO lmo_fdw_user WITH GRANT OPTION;
        GRANT USAGE ON FOREIGN DATA WRAPPER plain TO PUBLIC;
        GRANT ALL ON FOREIGN SERVER "S2" TO lmo_fdw_user;
        REVOKE USAGE ON FOREIGN SERVER "S2" FROM lmo_fdw_user;
        REVOKE ALL ON FOREIGN SERVER s3 FROM CURRENT_USER;
        CREATE FOREIGN TABLE app."Orders" (
            id int NOT NULL,
            total numeric(10, 2) OPTIONS (column_name 'amount', "Quoted" 'x'),
            placed timestamptz NULL,
            tags text[],
            gone text
        ) SERVER s1 OPTIONS (table_name 'orders');
        ALTER FOREIGN TABLE app."Orders" DROP COLUMN gone, ADD COLUMN note varchar(20),
            ALTER COLUMN id DROP NOT NULL, ALTER COLUMN tags TYPE varchar[],
            ALTER COLUMN total OPTIONS (DROP "Quoted"), OPTIONS (ADD schema_name 'sales');
        COMMENT ON FOREIGN TABLE app."Orders" IS 'remote';
        GRANT SELECT ON app."Orders" TO PUBLIC;
        ALTER FOREIGN TABLE app."Orders" OWNER TO lmo_fdw_user;
        CREATE VIEW app.totals AS SELECT total FROM app."Orders";
    "#;

    // options of every kind, defaults spelled out, a quoted connection value, publications
    // sorted; ALTER, RENAME and COMMENT folded in; enabled on a slot, and without one
    subscriptions: r#"
        CREATE SUBSCRIPTION plain CONNECTION 'host=127.0.0.1 port=1 dbname=up'
            PUBLICATION p WITH (connect = false, slot_name = NONE, disable_on_error = on);
        CREATE SUBSCRIPTION "Spelled" CONNECTION 'dbname = up  application_name=''a b'' host=127.0.0.1 port=1'
            PUBLICATION z, a, m
            WITH (connect = false, slot_name = 'spelled_slot', binary = false, streaming = 'on',
                  two_phase = true, synchronous_commit = 'local');
        ALTER SUBSCRIPTION "Spelled" ENABLE;
        CREATE SUBSCRIPTION old CONNECTION 'host=127.0.0.1 port=1'
            PUBLICATION p WITH (connect = false, slot_name = NONE, binary);
        ALTER SUBSCRIPTION old RENAME TO renamed;
        ALTER SUBSCRIPTION renamed CONNECTION 'host=127.0.0.1 port=1 password=p';
        ALTER SUBSCRIPTION renamed ADD PUBLICATION q, r WITH (refresh = false);
        ALTER SUBSCRIPTION renamed DROP PUBLICATION p WITH (refresh = false);
        ALTER SUBSCRIPTION renamed SET (binary = false, streaming = true, slot_name = s);
        COMMENT ON SUBSCRIPTION renamed IS 'moved';
    "#;

    enums: r#"
        CREATE SCHEMA app;
        CREATE TYPE app.empty AS ENUM ();
        CREATE TYPE color AS ENUM ('red', 'green');
        ALTER TYPE color ADD VALUE 'blue';
        ALTER TYPE color ADD VALUE 'yellow' BEFORE 'green';
        ALTER TYPE color ADD VALUE 'purple' AFTER 'red';
        ALTER TYPE color RENAME VALUE 'red' TO 'crimson';
        CREATE TABLE t (c color DEFAULT 'green', cs color[], e app.empty);
    "#;

    // grants on every kind; some only restate the default, which is no entry on either side
    privileges: r#"
        CREATE ROLE lmo_reader;
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int PRIMARY KEY, name text, secret text);
        CREATE VIEW app.v AS SELECT id FROM app.t;
        CREATE SEQUENCE app.s;
        CREATE TYPE app.mood AS ENUM ('ok');
        CREATE FUNCTION app.f(int, app.mood) RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
        CREATE TABLE untouched (id int);
        CREATE FUNCTION restated() RETURNS int LANGUAGE sql AS 'SELECT 1';
        GRANT USAGE ON SCHEMA app TO lmo_reader;
        GRANT CREATE ON SCHEMA public TO lmo_reader WITH GRANT OPTION;
        GRANT ALL ON app.t TO lmo_reader;
        REVOKE DELETE, TRUNCATE ON app.t FROM lmo_reader;
        REVOKE TRUNCATE ON app.t FROM CURRENT_USER;
        GRANT SELECT (name), UPDATE (name, secret) ON app.t TO lmo_reader;
        GRANT SELECT ON app.v TO PUBLIC;
        GRANT USAGE ON SEQUENCE app.s TO lmo_reader;
        GRANT SELECT ON app.s TO PUBLIC;
        REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
        REVOKE EXECUTE ON FUNCTION app.f(int, app.mood) FROM PUBLIC;
        GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA app TO lmo_reader;
        REVOKE EXECUTE ON FUNCTION restated FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION restated() TO PUBLIC;
        -- a rename keeps the grants
        CREATE TABLE old_name (id int, old_column int);
        GRANT SELECT ON old_name TO lmo_reader;
        GRANT UPDATE (old_column) ON old_name TO lmo_reader;
        ALTER TABLE old_name RENAME TO new_name;
        ALTER TABLE new_name RENAME COLUMN old_column TO new_column;
        -- a table dropped and created again starts afresh
        CREATE TABLE again (id int);
        GRANT SELECT ON again TO lmo_reader;
        DROP TABLE again;
        CREATE TABLE again (id int);
    "#;

    // default privileges, and the objects created after them that get them
    default_privileges: r#"
        CREATE ROLE lmo_owner;
        CREATE ROLE lmo_user;
        CREATE SCHEMA app;
        CREATE TABLE before_defaults (id int);
        ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO lmo_user;
        ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT INSERT ON TABLES TO lmo_user WITH GRANT OPTION;
        ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
        ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON ROUTINES TO lmo_user;
        ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON TYPES TO lmo_owner;
        ALTER DEFAULT PRIVILEGES REVOKE ALL ON SEQUENCES FROM CURRENT_USER;
        ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO lmo_user;
        ALTER DEFAULT PRIVILEGES GRANT CREATE ON SCHEMAS TO lmo_user;
        ALTER DEFAULT PRIVILEGES FOR ROLE lmo_owner IN SCHEMA app GRANT SELECT ON SEQUENCES TO lmo_user;
        ALTER DEFAULT PRIVILEGES FOR ROLE lmo_owner GRANT ALL ON TABLES TO lmo_owner;
        ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO lmo_owner;
        ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM lmo_owner;
        CREATE TABLE app.t (id serial);
        CREATE VIEW app.v AS SELECT id FROM app.t;
        CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE TYPE app.mood AS ENUM ('ok');
        CREATE SCHEMA later;
        CREATE SEQUENCE later.s;
    "#;
}

/// What only a database has: plpgsql, the tool's archive schema, extension members. None of
/// it is part of the catalog.
/// Text search dictionaries and configurations have owners and no ACL: both sides read the
/// owner given away, and only that one.
#[test]
fn text_search_owners_agree() {
    let (file, db) = assert_agree(
        "text_search_owners",
        "CREATE ROLE lmo_ts_owner;
         CREATE TEXT SEARCH DICTIONARY given (TEMPLATE = simple);
         CREATE TEXT SEARCH DICTIONARY kept (TEMPLATE = simple);
         CREATE TEXT SEARCH CONFIGURATION given_config (PARSER = default);
         ALTER TEXT SEARCH DICTIONARY given OWNER TO lmo_ts_owner;
         ALTER TEXT SEARCH CONFIGURATION given_config OWNER TO lmo_ts_owner;",
    );
    let owned = |catalog: &Catalog| -> Vec<(AclObject, String)> {
        (catalog.owners.iter())
            .map(|(object, owner)| (object.clone(), owner.role.clone()))
            .collect()
    };
    let given = |name: &str| QualifiedName::new("public", name);
    let expected = [
        AclObject::TextSearchDictionary(given("given")),
        AclObject::TextSearchConfiguration(given("given_config")),
    ]
    .map(|object| (object, "lmo_ts_owner".to_string()));
    assert_eq!(owned(&file), expected);
    assert_eq!(owned(&db), expected);
}

/// Operators, families and classes have owners and no ACL: both sides read the owner given
/// away, and only that one (not that of the family a class creates).
#[test]
fn operator_owners_agree() {
    let (file, db) = assert_agree(
        "operator_owners",
        "CREATE ROLE lmo_op_owner;
         CREATE FUNCTION ci_eq(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE
             AS $$ SELECT lower(a) = lower(b) $$;
         CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq);
         CREATE OPERATOR FAMILY given_family USING hash;
         CREATE OPERATOR CLASS given_class FOR TYPE text USING btree AS OPERATOR 3 ===;
         ALTER OPERATOR ===(text, text) OWNER TO lmo_op_owner;
         ALTER OPERATOR FAMILY given_family USING hash OWNER TO lmo_op_owner;
         ALTER OPERATOR CLASS given_class USING btree OWNER TO lmo_op_owner;",
    );
    let owned = |catalog: &Catalog| -> Vec<(AclObject, String)> {
        (catalog.owners.iter())
            .map(|(object, owner)| (object.clone(), owner.role.clone()))
            .collect()
    };
    let given = |name: &str| QualifiedName::new("public", name);
    let expected = [
        AclObject::Operator("public.===(text, text)".into()),
        AclObject::OperatorFamily(given("given_family"), "hash".into()),
        AclObject::OperatorClass(given("given_class"), "btree".into()),
    ]
    .map(|object| (object, "lmo_op_owner".to_string()));
    assert_eq!(owned(&file), expected);
    assert_eq!(owned(&db), expected);
}

#[test]
fn database_only_objects_are_left_out() {
    let url = database_with(
        "database_only",
        r#"
        CREATE EXTENSION citext;
        CREATE SCHEMA schemadiff_archive;
        CREATE TABLE schemadiff_archive.t_20240101 (id int PRIMARY KEY);
        CREATE SEQUENCE schemadiff_archive.s;
        CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY);
        "#,
    );
    // a temporary table lives in this session's pg_temp_N schema
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    client
        .batch_execute("CREATE TEMP TABLE temporary (id serial PRIMARY KEY)")
        .expect("temp table");
    let catalog = live::load_with(&mut client, &url).expect("load");
    assert_eq!(catalog.schemas.keys().collect::<Vec<_>>(), ["public"]);
    assert_eq!(catalog.extensions.keys().collect::<Vec<_>>(), ["citext"]);
    let citext = &catalog.extensions["citext"];
    assert!(
        citext.version.is_some(),
        "the installed version is reported"
    );
    assert_eq!(
        citext.comment.as_deref(),
        Some("data type for case-insensitive character strings"),
        "the control file's comment is reported as it is"
    );
    assert!(catalog.enums.is_empty(), "{:?}", catalog.enums);
    assert!(catalog.sequences.is_empty(), "{:?}", catalog.sequences);
    assert_eq!(
        catalog
            .tables
            .keys()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["public.t"]
    );
    assert!(catalog.indexes.is_empty(), "{:?}", catalog.indexes);
    assert!(catalog.unsupported.is_empty(), "{:?}", catalog.unsupported);
}

#[test]
fn unsupported_objects_are_listed() {
    let sql = r#"
        CREATE TABLE t (id int PRIMARY KEY, owner text);
        CREATE STATISTICS t_owner ON id, owner FROM t;
        CREATE VIEW v AS SELECT id FROM t;
        CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';
        CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
        CREATE TRIGGER t_trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
        ALTER TABLE t ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own ON t USING (owner = current_user);
        CREATE DOMAIN positive AS int CHECK (VALUE > 0);
        CREATE TYPE pair AS (a int, b int);
        CREATE TYPE floatrange AS RANGE (subtype = float8);
        CREATE RULE no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
        CREATE COLLATION my_c (locale = 'C');
        CREATE TABLE measurements (at date, v int) PARTITION BY RANGE (at);
        CREATE TABLE measurements_2024 PARTITION OF measurements
            FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE base (id int);
        CREATE TABLE derived (extra int) INHERITS (base);
        CREATE PUBLICATION pub FOR TABLE t;
        CREATE ROLE schemadiff_reader;
        GRANT SELECT ON t TO schemadiff_reader;
        GRANT CREATE ON SCHEMA public TO PUBLIC;
        CREATE SCHEMA app;
        GRANT USAGE ON SCHEMA app TO schemadiff_reader;
        CREATE SCHEMA untouched;
        CREATE TEXT SEARCH DICTIONARY english_simple (TEMPLATE = simple, STOPWORDS = english);
        CREATE TEXT SEARCH CONFIGURATION app.english (COPY = english);
        CREATE TEXT SEARCH TEMPLATE app.plain (LEXIZE = dsimple_lexize);
    "#;
    let url = database_with("unsupported", sql);
    let catalog = live::load(&url).expect("load");
    let found: Vec<(String, Option<String>, String)> = catalog
        .unsupported
        .iter()
        .map(|u| (u.kind.clone(), u.schema.clone(), u.name.clone()))
        .collect();
    // views, materialized views, functions, procedures, domains, composite and range types
    // and collations are modelled, not listed
    let modelled = |name: &str| schemadiff_engine::model::QualifiedName::new("public", name);
    assert!(catalog.domains.contains_key(&modelled("positive")));
    assert!(catalog.composite_types.contains_key(&modelled("pair")));
    assert!(catalog.range_types.contains_key(&modelled("floatrange")));
    assert!(catalog.collations.contains_key(&modelled("my_c")));
    for view in ["v", "mv"] {
        assert!(catalog.views.contains_key(&modelled(view)));
    }
    for signature in ["public.f()", "public.p()", "public.trg()"] {
        assert!(
            catalog.functions.contains_key(signature),
            "{signature} is not loaded"
        );
    }
    assert!(!found
        .iter()
        .any(|(kind, _, _)| kind == "function" || kind == "procedure"));
    // so are triggers, row-level security and policies
    assert_eq!(catalog.triggers.len(), 1);
    assert_eq!(catalog.policies.len(), 1);
    assert!(!found
        .iter()
        .any(|(kind, _, _)| kind == "trigger" || kind == "policy" || kind == "row level security"));
    // and rules
    assert_eq!(catalog.rules.len(), 1);
    assert!(
        !found.iter().any(|(kind, _, _)| kind == "rule"),
        "{found:?}"
    );
    // and extended statistics
    assert!(catalog.statistics.contains_key(&modelled("t_owner")));
    // and publications
    assert!(catalog.publications.contains_key("pub"));
    assert!(!found.iter().any(|(kind, _, _)| kind == "publication"));
    // text search dictionaries and configurations are modelled; templates (and parsers) are
    // listed as the offline loader lists them (the built-in ones are not the database's)
    assert!((catalog.text_search_dictionaries).contains_key(&modelled("english_simple")));
    let copied = QualifiedName::new("app", "english");
    assert!(catalog.text_search_configurations[&copied].mappings.len() > 10);
    let text_search: Vec<_> = (found.iter())
        .filter(|(kind, _, _)| kind.starts_with("text search"))
        .collect();
    let template = (
        "text search template".to_string(),
        Some("app".to_string()),
        "plain".to_string(),
    );
    assert_eq!(text_search, [&template]);
    let file = offline(
        "text_search",
        "CREATE SCHEMA app;
         CREATE TEXT SEARCH TEMPLATE app.plain (LEXIZE = dsimple_lexize);",
    );
    let kinds: Vec<_> = file.unsupported.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(kinds, ["text search template"]);
    // privileges are modelled, not listed
    assert!(!found.iter().any(|(kind, _, _)| kind == "privilege"));
    for object in [
        AclObject::Table(QualifiedName::new("public", "t")),
        AclObject::Schema("public".into()),
        AclObject::Schema("app".into()),
    ] {
        assert!(
            catalog.privileges.contains_key(&object),
            "{object:?}: {:?}",
            catalog.privileges
        );
    }
    assert!(
        !found.iter().any(|(_, _, name)| name == "untouched"),
        "{found:?}"
    );
    // partitioned tables, partitions and inheritance children are tables
    let tables: Vec<_> = catalog.tables.keys().map(|k| k.name.as_str()).collect();
    assert_eq!(
        tables,
        ["base", "derived", "measurements", "measurements_2024", "t"]
    );
    // the auto-created multirange type, a table's row type and the view's rule are not
    // objects of their own
    assert!(!found
        .iter()
        .any(|(_, _, name)| name == "floatmultirange" || name == "_RETURN"));
    assert!(!found
        .iter()
        .any(|(kind, _, name)| kind == "composite type" && name == "t"));
    cluster()
        .drop_database("unsupported")
        .expect("drop database");
    cluster()
        .admin()
        .expect("admin")
        .batch_execute("DROP ROLE schemadiff_reader")
        .expect("clean up the role");
}

/// Only superusers may read a subscription's connection: anyone else reads everything but
/// the connection, which is then unknown (and not compared) rather than an error.
#[test]
fn a_subscription_read_by_another_role_has_an_unreadable_connection() {
    let sql = "CREATE SUBSCRIPTION mirror CONNECTION 'host=127.0.0.1 port=1 password=p'
                   PUBLICATION p WITH (connect = false, slot_name = NONE, binary = true);
               CREATE ROLE lmo_sub_reader LOGIN;";
    let url = database_with("subscription_reader", sql);
    let as_reader = url.replacen("postgres@", "lmo_sub_reader@", 1);
    let db = live::load(&as_reader).expect("a role that is not a superuser reads the catalog");
    let mut file = offline("subscription_reader", sql).subscriptions["mirror"].clone();
    file.conninfo = schemadiff_engine::model::Conninfo::Unreadable;
    assert_eq!(db.subscriptions["mirror"], file);
}

#[test]
fn a_fresh_database_has_only_public() {
    let url = database_with("fresh", "");
    let catalog = live::load(&url).expect("load");
    let file = offline("fresh", "");
    assert_eq!(catalog, file);
    assert!(catalog.unsupported.is_empty(), "{:?}", catalog.unsupported);
}

/// What the live loader keeps as a constraint's or index's text, run again, is stored as the
/// server printed it: an `IN` list on a varchar column is printed with its array cast as a
/// whole, which the printed text alone would put on each element instead.
#[test]
fn printed_in_lists_are_stored_again_as_printed() {
    let url = database_with(
        "printed_in_lists",
        "CREATE TABLE orders (status varchar(10) CHECK (status IN ('new', 'paid, late')));
         CREATE INDEX open_orders ON orders (status) WHERE status IN ('new', 'open');",
    );
    let db = live::load(&url).expect("load");
    let table = &db.tables[&QualifiedName::new("public", "orders")];
    let constraint = table.constraints.values().next().expect("the check");
    let index = &db.indexes[&QualifiedName::new("public", "open_orders")];
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let definitions = |client: &mut postgres::Client, table: &str| -> Vec<String> {
        let query = "SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE conrelid = $1::text::regclass
                     UNION ALL
                     SELECT regexp_replace(pg_get_indexdef(indexrelid), '^.* WHERE ', '')
                     FROM pg_index WHERE indrelid = $1::text::regclass";
        (client.query(query, &[&table]).expect("definitions").iter())
            .map(|row| row.get(0))
            .collect()
    };
    let index_sql =
        (index.definition.sql).replace("open_orders ON public.orders", "again_open ON again");
    client
        .batch_execute(&format!(
            "CREATE TABLE again (status varchar(10), CONSTRAINT again_check {});
             {index_sql};",
            constraint.definition.sql
        ))
        .expect("run the texts again");
    assert_eq!(
        definitions(&mut client, "orders"),
        definitions(&mut client, "again")
    );
}

#[test]
fn load_with_reuses_the_connection_and_leaves_it_usable() {
    let url = database_with("reuse", "CREATE TABLE t (id int);");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    client
        .batch_execute("SET search_path = pg_catalog, public")
        .expect("set");
    let first = live::load_with(&mut client, &url).expect("load");
    let second = live::load_with(&mut client, &url).expect("load again");
    assert_eq!(first, second);
    assert_eq!(first.tables.len(), 1);
    // outside any transaction, session settings untouched
    let row = client.query_one("SHOW search_path", &[]).expect("show");
    assert_eq!(row.get::<_, String>(0), "pg_catalog, public");
    client
        .batch_execute("CREATE TABLE public.u (id int)")
        .expect("still writable");
}

#[test]
fn connection_errors_never_show_the_password() {
    let url = "postgresql://app:s3cret-password@/nowhere?host=/nonexistent-socket-dir&port=1";
    match live::load(url) {
        Err(error @ Error::Connect { .. }) => {
            let Error::Connect { url, message } = &error else {
                unreachable!()
            };
            assert_eq!(
                url,
                "postgresql://app:***@/nowhere?host=/nonexistent-socket-dir&port=1"
            );
            assert!(!message.contains("s3cret"), "{message}");
            assert!(!error.to_string().contains("s3cret"), "{error}");
            assert!(!format!("{error:?}").contains("s3cret"), "{error:?}");
        }
        other => panic!("expected a connection error, got {other:?}"),
    }
    let url = "postgresql://app@/nowhere?host=/nonexistent-socket-dir&password=s3cret";
    match live::load(url) {
        Err(error @ Error::Connect { .. }) => {
            assert!(!error.to_string().contains("s3cret"), "{error}");
        }
        other => panic!("expected a connection error, got {other:?}"),
    }
}

/// Views are printed a batch at a time, each under a savepoint rolled back to release the
/// locks printing takes: more views than one batch still come back whole and in order.
#[test]
fn more_views_than_one_batch_are_all_read() {
    let mut sql = String::from("CREATE TABLE public.t (a int, b text);\n");
    for i in 0..1100 {
        sql.push_str(&format!(
            "CREATE VIEW public.v{i:04} AS SELECT a + {i} AS a, b FROM public.t;\n"
        ));
    }
    let (file, db) = assert_agree("more_views_than_one_batch", &sql);
    assert_eq!(file.views.len(), 1100);
    assert_eq!(db.views.len(), 1100);
}

agree! {
    // constraints are built as they are read: later statements still reach them
    constraints_after_later_statements: r#"
        CREATE TABLE item (
            id bigint PRIMARY KEY,
            qty integer CHECK (qty >= 0),
            code text CONSTRAINT code_unique UNIQUE,
            note text CHECK (length(note) < 100)
        );
        ALTER TABLE item RENAME COLUMN qty TO quantity;
        ALTER TABLE item RENAME COLUMN id TO item_id;
        ALTER TABLE item RENAME CONSTRAINT code_unique TO item_code_key;
        ALTER TABLE item ADD CONSTRAINT small CHECK (quantity < 1000) NOT VALID;
        ALTER TABLE item VALIDATE CONSTRAINT small;
        ALTER TABLE item ADD CONSTRAINT unchecked CHECK (quantity <> 13) NOT VALID;
        ALTER TABLE item DROP COLUMN note;
        CREATE TABLE line (item bigint REFERENCES item, n int);
        CREATE TABLE item_copy (LIKE item INCLUDING ALL);
    "#;
    // options as the server stores them, column lists as sets, row filters as trees (a
    // qualified column, `IN`), schemas, and what ALTER PUBLICATION folds in
    publications: r#"
        CREATE SCHEMA sales;
        CREATE TABLE sales.orders (id bigint PRIMARY KEY, total numeric, status text);
        CREATE TABLE "Audit Log" (id integer PRIMARY KEY, entry text);
        CREATE TABLE items (id integer PRIMARY KEY, name text);
        CREATE PUBLICATION orders_feed
            FOR TABLE sales.orders (total, id) WHERE (orders.total > 100 AND status IN ('paid', 'shipped'))
            WITH (publish = 'update,insert', publish_via_partition_root);
        CREATE PUBLICATION defaults FOR TABLE "Audit Log"
            WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = false);
        CREATE PUBLICATION everything FOR ALL TABLES;
        CREATE PUBLICATION "Empty Feed";
        CREATE PUBLICATION by_schema FOR TABLES IN SCHEMA sales;
        ALTER PUBLICATION by_schema ADD TABLE items;
        ALTER PUBLICATION by_schema SET (publish = 'delete');
        CREATE PUBLICATION draft FOR TABLE items;
        ALTER PUBLICATION draft RENAME TO final;
        COMMENT ON PUBLICATION final IS 'renamed';
    "#;
}
