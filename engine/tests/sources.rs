//! Desired-state sources: directories, statements that are ignored or reported, and errors
//! that name the file, line and column.

use schemadiff_engine::error::Error;
use schemadiff_engine::model::QualifiedName;
use schemadiff_engine::source::{read_files, sql, SqlFile};

mod common;

use common::offline::problems_of;

fn file(name: &str, text: &str) -> SqlFile {
    SqlFile {
        name: name.into(),
        text: text.into(),
    }
}

#[test]
fn a_directory_is_read_in_lexical_order_of_relative_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("b/02_index.sql"), "CREATE INDEX ON t (a);").unwrap();
    std::fs::write(dir.path().join("a.sql"), "CREATE TABLE t (a int);").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not sql").unwrap();
    let files = read_files(dir.path()).unwrap();
    assert_eq!(files.len(), 2);
    assert!(files[0].name.ends_with("a.sql"));
    let catalog = sql::load(&files).unwrap();
    assert!(catalog
        .indexes
        .contains_key(&QualifiedName::new("public", "t_a_idx")));
}

#[test]
fn pg_dump_session_settings_are_ignored_and_roles_reported() {
    let catalog = sql::load(&[file(
        "dump.sql",
        "SET statement_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\nCREATE ROLE app;\nCREATE TABLE public.t (a int);\nALTER TABLE public.t OWNER TO app;\n",
    )])
    .unwrap();
    assert_eq!(catalog.tables.len(), 1);
    assert_eq!(catalog.unsupported.len(), 1);
    assert_eq!(catalog.unsupported[0].kind, "role");
    assert_eq!(catalog.unsupported[0].name, "app");
}

/// The roles a file reports as not managed, or the messages of its problems.
fn roles_of(text: &str) -> Result<Vec<String>, Vec<String>> {
    match sql::load(&[file("roles.sql", text)]) {
        Ok(catalog) => Ok(catalog.unsupported.iter().map(|u| u.name.clone()).collect()),
        Err(Error::Source(problems)) => Err(problems
            .iter()
            .map(|p| format!("{}: {}", p.span, p.message))
            .collect()),
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn do_blocks_that_only_set_up_roles_are_reported_as_not_managed() {
    let blocks = [
        ("IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'a') THEN CREATE ROLE a; END IF;", vec!["a"]),
        ("IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'a') THEN CREATE ROLE a LOGIN; END IF; IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'b') THEN CREATE ROLE b; END IF;", vec!["a", "b"]),
        ("IF NOT EXISTS (SELECT * FROM pg_user WHERE usename = 'u') THEN CREATE USER u PASSWORD 'p'; ELSE ALTER USER u PASSWORD 'p'; END IF;", vec!["u"]),
        ("IF (SELECT count(*) FROM pg_roles WHERE rolname = 'a') = 0 THEN CREATE ROLE a; ELSIF EXISTS (SELECT FROM pg_roles WHERE rolname = 'b') THEN GRANT a TO b; END IF;", vec!["a"]),
        ("CREATE ROLE a; EXCEPTION WHEN duplicate_object THEN RAISE NOTICE '%, skipping', SQLERRM USING ERRCODE = 'duplicate_object';", vec!["a"]),
        ("EXECUTE format('GRANT a TO %I', current_user); EXECUTE 'ALTER ROLE a LOGIN';", vec!["a"]),
        ("BEGIN CREATE ROLE a NOINHERIT; EXCEPTION WHEN duplicate_object THEN NULL; END; ALTER ROLE a SET search_path = app;", vec!["a"]),
    ];
    for (body, roles) in blocks {
        let text = format!("DO $$\nBEGIN\n{body}\nEND\n$$;\nDO LANGUAGE plpgsql $body$ BEGIN GRANT x TO y; END $body$;\nCREATE TABLE t (id int);\n");
        let mut expected: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
        expected.push("x".into());
        assert_eq!(roles_of(&text), Ok(expected), "{body}");
    }
}

#[test]
fn any_other_do_block_is_an_error_that_points_to_the_shadow_path() {
    let blocks = [
        "",
        "CREATE TABLE t (id int);",
        "CREATE ROLE a; CREATE TABLE t (id int);",
        "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'a') THEN CREATE ROLE a; GRANT SELECT ON t TO a; END IF;",
        "IF NOT EXISTS (SELECT FROM users WHERE name = 'a') THEN CREATE ROLE a; END IF;",
        "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = make_name()) THEN CREATE ROLE a; END IF;",
        "EXECUTE 'CREATE TABLE t (id int)';",
        "EXECUTE format('GRANT a TO %I', (SELECT name FROM users));",
        "EXECUTE 'CREATE ROLE ' || quote_ident(name);",
        "PERFORM 1 FROM pg_roles; CREATE ROLE a;",
        "CREATE ROLE a; EXCEPTION WHEN duplicate_object THEN DROP TABLE t;",
        "CREATE ROLE a; RAISE NOTICE '%', pg_terminate_backend(1);",
    ];
    for body in blocks {
        let text = format!("CREATE TABLE t (id int);\n  DO $$ BEGIN {body} END $$;\n");
        let problems = roles_of(&text).expect_err(body);
        assert_eq!(
            problems,
            vec!["roles.sql:2:3: a DO block cannot be evaluated without a server"],
            "{body}"
        );
    }
    let Err(Error::Source(problems)) =
        sql::load(&[file("roles.sql", "DO LANGUAGE plperl $$ 1 $$;")])
    else {
        panic!("a block in another language needs a server");
    };
    assert!(problems[0]
        .help
        .as_deref()
        .unwrap_or("")
        .contains("--dev-url"));
}

#[test]
fn every_problem_of_a_file_is_reported_with_its_position() {
    let text = "CREATE TABLE t (a int);\n\nINSERT INTO t VALUES (1);\nALTER TABLE missing ADD COLUMN b int;\n  DO $$ BEGIN END $$;\n";
    let Err(Error::Source(problems)) = sql::load(&[file("schema.sql", text)]) else {
        panic!("expected source errors");
    };
    let positions: Vec<(usize, usize)> = problems
        .iter()
        .map(|p| (p.span.line, p.span.column))
        .collect();
    assert_eq!(positions, vec![(3, 1), (4, 13), (5, 3)]);
    assert!(problems[0].message.contains("INSERT"));
    assert!(problems[1].message.contains("`public.missing`"));
    assert_eq!(problems[2].line_text, "  DO $$ BEGIN END $$;");
    let rendered = Error::Source(problems).to_string();
    assert!(rendered.contains("schema.sql:4:13: table `public.missing` is altered but not created"));
    assert!(rendered.contains("3 problem(s) in the desired state; nothing was planned"));
}

#[test]
fn a_syntax_error_names_the_line_and_shows_it() {
    let Err(Error::Source(problems)) = sql::load(&[file(
        "bad.sql",
        "CREATE TABLE ok (a int);\nCREATE TABLE bad (a int,, b int);\n",
    )]) else {
        panic!("expected a syntax error");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].span.line, problems[0].span.column), (2, 25));
    assert_eq!(problems[0].line_text, "CREATE TABLE bad (a int,, b int);");
}

/// Plans between two files written to a temporary directory, offline.
fn plan_files(from: &str, to: &str) -> Result<schemadiff_engine::Plan, Error> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("from.sql"), from).unwrap();
    std::fs::write(dir.path().join("to.sql"), to).unwrap();
    let source = |name: &str| schemadiff_engine::Source::Path(dir.path().join(name));
    let options = schemadiff_engine::Options {
        desired_state: schemadiff_engine::DesiredStatePath::Offline,
        ..Default::default()
    };
    schemadiff_engine::plan(&source("from.sql"), &source("to.sql"), &options)
}

#[test]
fn a_rename_whose_source_exists_nowhere_is_an_error_at_the_directive() {
    let error = plan_files(
        "CREATE TABLE users (id int PRIMARY KEY, email text);",
        "CREATE TABLE users (\n    id int PRIMARY KEY,\n    email_address text -- schemadiff:renamed-from mail\n);",
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("to.sql:3:24"), "{error}");
    assert!(error.contains("has no column `mail`"), "{error}");
}

#[test]
fn a_rename_already_done_plans_nothing_and_an_undeclared_one_is_reported() {
    let done = plan_files(
        "CREATE TABLE users (id int PRIMARY KEY, email_address text);",
        "CREATE TABLE users (id int PRIMARY KEY, email_address text); -- schemadiff:renamed-from customers",
    );
    // the directive on the CREATE TABLE line names a table that is gone: done already
    assert!(done.unwrap().is_empty());
    // renames must not drop data silently: a drop and an add of one type are reported
    let guessed = plan_files(
        "CREATE TABLE users (id int PRIMARY KEY, email text);",
        "CREATE TABLE users (id int PRIMARY KEY, email_address text);",
    )
    .unwrap();
    let hazard = guessed
        .steps
        .iter()
        .flat_map(|s| &s.hazards)
        .find(|h| h.kind.id() == "probable-rename")
        .expect("a probable rename");
    assert!(
        hazard.message.contains("-- schemadiff:renamed-from email"),
        "{}",
        hazard.message
    );
}

#[test]
fn a_foreign_key_to_a_missing_table_or_column_is_an_error_at_the_constraint() {
    assert_eq!(
        problems_of(
            "CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b (id), c_id int REFERENCES c);\n\
             CREATE TABLE b (id int PRIMARY KEY);\n\
             ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b (code);\n"
        ),
        [
            "schema.sql:1:74: constraint `a_c_id_fkey` of `public.a` references `public.c`, which does not exist",
            "schema.sql:3:19: constraint `a_b` of `public.a` references column `code` of `public.b`, which does not exist",
        ]
    );
    let Err(Error::Source(problems)) =
        sql::load(&[file("s.sql", "CREATE TABLE a (x int REFERENCES c);")])
    else {
        panic!("expected source errors");
    };
    assert!(problems[0]
        .help
        .as_deref()
        .unwrap()
        .contains("--exclude-schema"));
    // a foreign key may reference a table defined later, as a dump orders them
    assert_eq!(
        problems_of(
            "CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b);\nCREATE TABLE b (id int PRIMARY KEY);\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn indexes_and_constraints_name_columns_their_table_has() {
    assert_eq!(
        problems_of(
            "CREATE TABLE t (a int, b int CHECK (c > 0));\n\
             CREATE INDEX ON t (d);\n\
             CREATE INDEX t_lower ON t (lower(e::text)) WHERE a > 0;\n"
        ),
        [
            "schema.sql:1:30: constraint `t_c_check` of `public.t` names column `c` of `public.t`, which does not exist",
            "schema.sql:2:17: index `public.t_d_idx` names column `d` of `public.t`, which does not exist",
            "schema.sql:3:25: index `public.t_lower` names column `e` of `public.t`, which does not exist",
        ]
    );
    // a column added after the index, system columns, a whole-row check
    assert_eq!(
        problems_of(
            "CREATE TABLE t (a int, CHECK (t IS NOT NULL), CHECK (tableoid > 0));\n\
             CREATE INDEX ON t (b);\n\
             ALTER TABLE t ADD COLUMN b int;\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_view_reads_relations_that_exist_or_its_own_with_queries() {
    assert_eq!(
        problems_of(
            "CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT a FROM t JOIN gone USING (a);\n"
        ),
        ["schema.sql:2:1: view `public.v` reads `public.gone`, which does not exist"]
    );
    assert_eq!(
        problems_of(
            "CREATE VIEW v AS WITH recent AS (SELECT a FROM w) SELECT a FROM recent;\n\
             CREATE VIEW w AS SELECT relname AS a FROM pg_class JOIN information_schema.tables ON true;\n\
             CREATE MATERIALIZED VIEW m AS SELECT * FROM pg_catalog.pg_namespace;\n\
             CREATE RECURSIVE VIEW r (n) AS SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3;\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_column_type_exists_as_a_builtin_a_user_type_or_maybe_an_extensions() {
    assert_eq!(
        problems_of("CREATE TABLE t (a mood, b app.kind[], c int);\n"),
        [
            "schema.sql:1:17: column `a` of `public.t` has type `mood`, which does not exist",
            "schema.sql:1:25: column `b` of `public.t` has type `app.kind[]`, which does not exist",
        ]
    );
    // a type defined later, system types, and what an extension may provide
    assert_eq!(
        problems_of(
            "CREATE TABLE t (a mood, b regclass, c pg_lsn, d int4multirange, e xid8);\n\
             CREATE TYPE mood AS ENUM ('ok');\n"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        problems_of("CREATE EXTENSION citext;\nCREATE TABLE t (email citext);\n"),
        Vec::<String>::new()
    );
}

#[test]
fn trigger_functions_and_qualified_calls_into_managed_schemas_exist() {
    assert_eq!(
        problems_of(
            "CREATE SCHEMA app;\n\
             CREATE TABLE t (a int DEFAULT app.next_a(), b text DEFAULT gen_random_uuid()::text);\n\
             CREATE TRIGGER touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();\n"
        ),
        [
            "schema.sql:2:17: column `a` of `public.t` calls function `app.next_a`, which does not exist",
            "schema.sql:3:1: trigger `touch` on `public.t` executes function `public.touch()`, which does not exist",
        ]
    );
    assert_eq!(
        problems_of(
            "CREATE TABLE t (a int);\n\
             CREATE TRIGGER touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();\n\
             CREATE TRIGGER same BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();\n\
             CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn what_a_schema_owned_elsewhere_holds_counts_as_existing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.sql");
    std::fs::write(
        &path,
        "CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users, kind auth.kind);\n",
    )
    .unwrap();
    let source = schemadiff_engine::Source::Path(path);
    let load = |exclude: &[&str]| {
        let options = schemadiff_engine::Options {
            exclude_schemas: exclude.iter().map(|s| s.to_string()).collect(),
            desired_state: schemadiff_engine::DesiredStatePath::Offline,
            ..Default::default()
        };
        schemadiff_engine::load(&source, &options)
    };
    let error = load(&[]).unwrap_err().to_string();
    assert!(
        error.contains("references `auth.users`, which does not exist"),
        "{error}"
    );
    assert!(load(&["auth"]).is_ok());
}

#[test]
fn a_repeated_definition_is_reported_once_with_both_places() {
    let table = "CREATE TABLE t (\n    id int\n);\n";
    let problems = problems_of(&table.repeat(3000));
    assert_eq!(
        problems,
        ["schema.sql:4:14: table `public.t` is created 3000 times (first at schema.sql:1:14)"]
    );
    assert_eq!(
        problems_of("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nALTER TABLE t ADD COLUMN b int;\n"),
        ["schema.sql:3:26: column `b` of `public.t` is added twice (first at schema.sql:2:26)"]
    );
}

#[test]
fn at_most_twenty_problems_are_shown_and_the_rest_counted() {
    let text: String = (0..30)
        .map(|i| format!("CREATE TABLE t{i} (a int);\nCREATE TABLE t{i} (a int);\n"))
        .collect();
    let Err(error @ Error::Source(_)) = sql::load(&[file("schema.sql", &text)]) else {
        panic!("expected source errors");
    };
    let Error::Source(problems) = &error else {
        unreachable!()
    };
    assert_eq!(problems.len(), 30);
    let rendered = error.to_string();
    assert_eq!(rendered.matches("is created twice").count(), 20);
    assert!(
        rendered.contains("… and 10 more problem(s) not shown"),
        "{rendered}"
    );
    assert!(rendered.ends_with("30 problem(s) in the desired state; nothing was planned"));
}

#[test]
fn a_refresh_populates_or_empties_a_materialized_view_the_files_create() {
    let catalog = sql::load(&[file(
        "views.sql",
        "CREATE TABLE t (a int);\nCREATE MATERIALIZED VIEW v AS SELECT a FROM t;\nREFRESH MATERIALIZED VIEW v WITH NO DATA;\n",
    )])
    .unwrap();
    assert!(catalog.views[&QualifiedName::new("public", "v")].no_data);
    assert_eq!(
        problems_of("REFRESH MATERIALIZED VIEW app.missing;"),
        ["schema.sql:1:27: materialized view `app.missing` is refreshed but not created"]
    );
}

/// `--schema` and publications, which are in no schema: one is kept only when it lists
/// something and everything it lists is in the selected schemas; `FOR ALL TABLES` and one
/// that lists nothing only when nothing is scoped out.
#[test]
fn a_publication_is_in_scope_when_everything_it_lists_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema.sql");
    std::fs::write(
        &path,
        "CREATE SCHEMA sales;
         CREATE SCHEMA stock;
         CREATE TABLE sales.orders (id int PRIMARY KEY);
         CREATE TABLE stock.items (id int PRIMARY KEY);
         CREATE PUBLICATION sales_only FOR TABLE sales.orders;
         CREATE PUBLICATION sales_schema FOR TABLES IN SCHEMA sales;
         CREATE PUBLICATION both_schemas FOR TABLE sales.orders, TABLES IN SCHEMA stock;
         CREATE PUBLICATION everything FOR ALL TABLES;
         CREATE PUBLICATION nothing_yet;",
    )
    .unwrap();
    let source = schemadiff_engine::source::Source::Path(path);
    let names = |options: schemadiff_engine::Options| {
        let catalog = schemadiff_engine::load(&source, &options).unwrap();
        catalog.publications.keys().cloned().collect::<Vec<_>>()
    };
    let selecting = |schemas: &[&str]| schemadiff_engine::Options {
        schemas: schemas.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    assert_eq!(
        names(selecting(&[])),
        [
            "both_schemas",
            "everything",
            "nothing_yet",
            "sales_only",
            "sales_schema"
        ]
    );
    assert_eq!(names(selecting(&["sales"])), ["sales_only", "sales_schema"]);
    assert_eq!(
        names(selecting(&["sales", "stock"])),
        ["both_schemas", "sales_only", "sales_schema"]
    );
    let excluding_stock = schemadiff_engine::Options {
        exclude_schemas: vec!["stock".into()],
        ..Default::default()
    };
    assert_eq!(names(excluding_stock), ["sales_only", "sales_schema"]);
}

// a publication that names a column the table lacks fails on the server: offline too
#[test]
fn a_publication_of_a_missing_column_is_an_error() {
    let result = sql::load(&[file(
        "schema.sql",
        "CREATE TABLE t (id int PRIMARY KEY, a int);
         CREATE PUBLICATION p FOR TABLE t (id, b);
         CREATE PUBLICATION q FOR TABLE t WHERE (c > 0);",
    )]);
    let Err(Error::Source(problems)) = result else {
        panic!("expected problems, got {result:?}");
    };
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "publication of column `b` of `public.t`, which does not exist",
            "publication of column `c` of `public.t`, which does not exist"
        ]
    );
}

// the server refuses to drop a column a publication uses: offline too
#[test]
fn dropping_a_published_column_is_an_error() {
    let result = sql::load(&[file(
        "schema.sql",
        "CREATE TABLE t (id int PRIMARY KEY, a int, b int);
         CREATE PUBLICATION p FOR TABLE t (id, a);
         ALTER TABLE t DROP COLUMN b;
         ALTER TABLE t DROP COLUMN a;",
    )]);
    let Err(Error::Source(problems)) = result else {
        panic!("expected a problem, got {result:?}");
    };
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        ["column `a` of `public.t` is dropped while publication `p` uses it"]
    );
}

#[test]
fn a_rule_needs_its_table_and_the_relations_its_actions_name() {
    assert_eq!(
        problems_of(
            "CREATE TABLE t (a int);\n\
             CREATE RULE keep AS ON DELETE TO gone DO INSTEAD NOTHING;\n\
             CREATE RULE copy AS ON INSERT TO t DO ALSO INSERT INTO missing VALUES (NEW.a);\n\
             ALTER TABLE t DISABLE RULE nothing_here;\n\
             CREATE RULE \"_RETURN\" AS ON SELECT TO t DO INSTEAD SELECT 1 AS a;\n"
        ),
        [
            "schema.sql:2:34: rule `keep` on `public.gone`, which is not created",
            "schema.sql:3:1: rule `copy` on `public.t` names `public.missing`, which does not exist",
            "schema.sql:4:1: rule `nothing_here` on `public.t` does not exist",
            "schema.sql:5:39: rule `_RETURN` on `public.t` is ON SELECT, which makes a view",
        ]
    );
    // a table created later in the files, and a rule renamed, enabled and dropped
    assert_eq!(
        problems_of(
            "CREATE TABLE t (a int);\n\
             CREATE RULE copy AS ON INSERT TO t DO ALSO INSERT INTO later VALUES (NEW.a);\n\
             CREATE TABLE later (a int);\n\
             ALTER RULE copy ON t RENAME TO copied;\n\
             ALTER TABLE t ENABLE ALWAYS RULE copied;\n\
             COMMENT ON RULE copied ON t IS 'copies';\n\
             DROP RULE copied ON t;\n"
        ),
        Vec::<String>::new()
    );
}

/// Event triggers are in no schema: one is managed where its function is, so `--schema`,
/// `--exclude-schema` and a platform's schemas (Supabase's `extensions`, `pgbouncer`…) leave
/// out those whose function they leave out.
#[test]
fn an_event_trigger_is_in_scope_where_its_function_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema.sql");
    std::fs::write(
        &path,
        "CREATE SCHEMA audit;
         CREATE SCHEMA extensions;
         CREATE FUNCTION audit.note() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
         CREATE FUNCTION extensions.grant_access() RETURNS event_trigger LANGUAGE plpgsql
             AS 'BEGIN END';
         CREATE FUNCTION watch() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
         CREATE EVENT TRIGGER audited ON ddl_command_end EXECUTE FUNCTION audit.note();
         CREATE EVENT TRIGGER platform_grants ON ddl_command_end
             EXECUTE FUNCTION extensions.grant_access();
         CREATE EVENT TRIGGER watched ON sql_drop EXECUTE FUNCTION watch();",
    )
    .unwrap();
    let source = schemadiff_engine::source::Source::Path(path);
    let names = |options: schemadiff_engine::Options| {
        let catalog = schemadiff_engine::load(&source, &options).unwrap();
        catalog.event_triggers.keys().cloned().collect::<Vec<_>>()
    };
    let selecting = |schemas: &[&str]| schemadiff_engine::Options {
        schemas: schemas.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    assert_eq!(
        names(selecting(&[])),
        ["audited", "platform_grants", "watched"]
    );
    assert_eq!(names(selecting(&["audit"])), ["audited"]);
    let excluding = schemadiff_engine::Options {
        exclude_schemas: vec!["audit".into()],
        ..Default::default()
    };
    assert_eq!(names(excluding), ["platform_grants", "watched"]);
    let supabase = schemadiff_engine::Options {
        platform: Some(schemadiff_engine::Platform::Supabase),
        ..Default::default()
    };
    assert_eq!(names(supabase), ["audited", "watched"]);
}

/// Casts are in no schema: one is managed where its function and the types it converts are
/// (one between built-in types without a function, everywhere).
#[test]
fn a_cast_is_in_scope_where_its_function_and_types_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema.sql");
    std::fs::write(
        &path,
        "CREATE SCHEMA money;
         CREATE SCHEMA util;
         CREATE TYPE money.amount AS (units bigint, currency text);
         CREATE FUNCTION util.amount_text(a money.amount) RETURNS text
             LANGUAGE sql AS 'SELECT a.currency';
         CREATE CAST (money.amount AS text) WITH FUNCTION util.amount_text(money.amount);
         CREATE CAST (text AS money.amount) WITH INOUT;
         CREATE CAST (xid AS integer) WITHOUT FUNCTION;
         CREATE DOMAIN money.label AS text;
         CREATE CAST (money.label AS integer) WITH FUNCTION length(text);",
    )
    .unwrap();
    let source = schemadiff_engine::source::Source::Path(path);
    let keys = |options: schemadiff_engine::Options| {
        let catalog = schemadiff_engine::load(&source, &options).unwrap();
        (catalog.casts.keys())
            .map(|(source, target)| format!("{source} AS {target}"))
            .collect::<Vec<_>>()
    };
    let selecting = |schemas: &[&str]| schemadiff_engine::Options {
        schemas: schemas.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    assert_eq!(
        keys(selecting(&[])),
        [
            "money.amount AS text",
            "money.label AS integer",
            "text AS money.amount",
            "xid AS integer"
        ]
    );
    assert_eq!(
        keys(selecting(&["money"])),
        [
            "money.label AS integer",
            "text AS money.amount",
            "xid AS integer"
        ]
    );
    assert_eq!(keys(selecting(&["util"])), ["xid AS integer"]);
}

// the server keeps a rule by its table's OID: a file that renames the table, or the rule,
// keeps the rule as it was (`RETURNING *` expanded when it was created, not again)
#[test]
fn a_rule_follows_its_table_renamed() {
    let renamed = sql::load(&[file(
        "schema.sql",
        "CREATE TABLE orders (id int);\n\
         CREATE TABLE log (id int);\n\
         CREATE RULE copy AS ON INSERT TO orders DO INSTEAD INSERT INTO log VALUES (NEW.id) RETURNING *;\n\
         ALTER TABLE orders RENAME TO purchases;\n\
         ALTER TABLE log ADD COLUMN note text;\n\
         ALTER RULE copy ON purchases RENAME TO copied;\n",
    )])
    .unwrap();
    let written = sql::load(&[file(
        "schema.sql",
        "CREATE TABLE purchases (id int);\n\
         CREATE TABLE log (id int, note text);\n\
         CREATE RULE copied AS ON INSERT TO purchases DO INSTEAD INSERT INTO log VALUES (NEW.id) RETURNING log.id;\n",
    )])
    .unwrap();
    assert_eq!(renamed.rules, written.rules);
    assert!(renamed.rules[0].definition.sql.contains("copied"));
}

#[test]
fn statistics_name_what_exists() {
    assert_eq!(
        problems_of(
            "CREATE TABLE t (a int, b int);\n\
             CREATE STATISTICS s ON a, c FROM t;\n\
             CREATE STATISTICS s ON a, b FROM t;\n\
             CREATE STATISTICS IF NOT EXISTS s ON a, b FROM t;\n\
             CREATE STATISTICS other.s ON a, b FROM t;\n\
             CREATE STATISTICS s3 ON a, b FROM missing;\n\
             ALTER STATISTICS nothing SET STATISTICS 10;\n\
             ALTER STATISTICS IF EXISTS nothing SET STATISTICS 10;\n\
             CREATE STATISTICS ON a, b FROM t;\n"
        ),
        [
            "schema.sql:2:34: statistics `public.s` uses column `c` of `public.t`, which does not exist",
            "schema.sql:3:1: statistics `public.s` is created twice (first at schema.sql:2:1)",
            "schema.sql:5:1: schema `other` does not exist",
            "schema.sql:6:35: statistics `public.s3` is on `public.missing`, which is not created",
            "schema.sql:7:1: statistics `public.nothing` is altered but not created",
            "schema.sql:9:1: statistics without a name",
        ]
    );
}

/// A configuration copied from a built-in one has mappings only a server knows; mappings
/// name existing token types and dictionaries, and are added, dropped and replaced as the
/// server allows.
#[test]
fn text_search_objects_name_what_exists() {
    assert_eq!(
        problems_of(
            "CREATE TEXT SEARCH CONFIGURATION english (COPY = english);\n\
             CREATE TEXT SEARCH CONFIGURATION other (COPY = public.missing);\n\
             CREATE TEXT SEARCH DICTIONARY d (STOPWORDS = english);\n\
             CREATE TEXT SEARCH CONFIGURATION c (PARSER = default);\n\
             ALTER TEXT SEARCH CONFIGURATION c ADD MAPPING FOR word, words WITH simple;\n\
             ALTER TEXT SEARCH CONFIGURATION c ADD MAPPING FOR word WITH public.missing;\n\
             ALTER TEXT SEARCH CONFIGURATION c DROP MAPPING FOR url;\n\
             ALTER TEXT SEARCH DICTIONARY nothing (accept = false);\n\
             CREATE TEXT SEARCH DICTIONARY used (TEMPLATE = simple);\n\
             ALTER TEXT SEARCH CONFIGURATION c ALTER MAPPING FOR url WITH used;\n\
             DROP TEXT SEARCH DICTIONARY used;\n\
             CREATE TEXT SEARCH CONFIGURATION bare (TEMPLATE = simple);\n"
        ),
        [
            "schema.sql:1:1: text search configuration `public.english` copies the built-in `pg_catalog.english`, whose mappings are not known without a server",
            "schema.sql:2:1: text search configuration `public.other` copies `public.missing`, which is not created",
            "schema.sql:3:1: a text search dictionary needs a TEMPLATE",
            "schema.sql:5:1: token type `words` is not one of parser `pg_catalog.default`'s",
            "schema.sql:6:1: a mapping uses text search dictionary `public.missing`, which is not created",
            "schema.sql:6:1: ADD MAPPING FOR `word` of `public.c`, which has a mapping for it",
            "schema.sql:7:1: DROP MAPPING FOR `url` of `public.c`, which has no mapping for it",
            "schema.sql:8:1: ALTER on text search dictionary `public.nothing`, which is not created",
            "schema.sql:11:1: DROP of text search dictionary `public.used`, which mappings of `public.c` use",
            "schema.sql:12:1: text search configuration `public.bare` needs a PARSER or COPY",
        ]
    );
}

/// A statistics object is in a schema of its own, which may not be its table's: it is managed
/// only where both are in scope.
#[test]
fn statistics_are_in_scope_where_they_and_their_table_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema.sql");
    std::fs::write(
        &path,
        "CREATE SCHEMA app;
         CREATE SCHEMA planner;
         CREATE TABLE app.orders (region text, city text);
         CREATE STATISTICS app.orders_place ON region, city FROM app.orders;
         CREATE STATISTICS planner.orders_city ON city, region FROM app.orders;",
    )
    .unwrap();
    let source = schemadiff_engine::source::Source::Path(path);
    let names = |options: schemadiff_engine::Options| {
        let catalog = schemadiff_engine::load(&source, &options).unwrap();
        (catalog.statistics.keys().map(ToString::to_string)).collect::<Vec<_>>()
    };
    let selecting = |schemas: &[&str]| schemadiff_engine::Options {
        schemas: schemas.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let both = ["app.orders_place", "planner.orders_city"];
    assert_eq!(names(selecting(&[])), both);
    assert_eq!(names(selecting(&["app"])), ["app.orders_place"]);
    assert_eq!(names(selecting(&["planner"])), Vec::<String>::new());
    assert_eq!(names(selecting(&["app", "planner"])), both);
    let excluding = schemadiff_engine::Options {
        exclude_schemas: vec!["planner".into()],
        ..Default::default()
    };
    assert_eq!(names(excluding), ["app.orders_place"]);
}

// the server keeps a statistics object's table and columns by number: a file that renames
// them keeps the statistics
#[test]
fn statistics_follow_their_table_and_columns_renamed() {
    let renamed = sql::load(&[file(
        "schema.sql",
        "CREATE TABLE orders (region text, city text);\n\
         CREATE STATISTICS place ON region, city FROM orders;\n\
         ALTER TABLE orders RENAME TO purchases;\n\
         ALTER TABLE purchases RENAME COLUMN city TO town;\n",
    )])
    .unwrap();
    let written = sql::load(&[file(
        "schema.sql",
        "CREATE TABLE purchases (region text, town text);\n\
         CREATE STATISTICS place ON town, region FROM purchases;\n",
    )])
    .unwrap();
    assert_eq!(renamed.statistics, written.statistics);
}
