//! Foreign data wrappers, servers and user mappings offline: secrets never printed, bad
//! references reported at their position, and scope.

use schemadiff_engine::{render, Options};

mod common;

use common::offline::{catalog_shows, plan_files, plan_hiding, problems_of};

const SERVER: &str = "CREATE FOREIGN DATA WRAPPER dummy;\n\
                      CREATE SERVER s FOREIGN DATA WRAPPER dummy;\n";

// a password must never reach a plan, its rollback, a report or JSON
#[test]
fn secrets_are_placeholders_with_a_hazard_and_never_printed() {
    let from = format!(
        "{SERVER}CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'app', password 'Old-Hunter2');\n"
    );
    let to = format!(
        "{SERVER}CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'app', password 'New-Hunter2');\n\
         CREATE USER MAPPING FOR PUBLIC SERVER s OPTIONS (password 'Public-Hunter2');\n\
         CREATE SERVER api FOREIGN DATA WRAPPER dummy OPTIONS (api_token 'Token-Hunter2', host 'h');\n"
    );
    let plan = plan_hiding(&from, &to, "Hunter2");
    let up = &render::up_sql(&plan);
    assert!(
        up.contains("ALTER USER MAPPING FOR app SERVER s OPTIONS (SET password '<secret: replace with the password of user mapping for app on server s before running>')"),
        "{up}"
    );
    assert!(
        up.contains("api_token '<secret: replace with the api_token of server api before running>', host 'h'"),
        "{up}"
    );
    let hazards: Vec<&str> = (plan.steps.iter())
        .flat_map(|s| &s.hazards)
        .filter(|h| h.kind.id() == "secret-required")
        .map(|h| h.message.as_str())
        .collect();
    assert_eq!(hazards.len(), 3, "{hazards:?}");
    assert!(
        hazards.iter().any(|h| h.contains("sets `password`")),
        "{hazards:?}"
    );
    // the same secret plans nothing
    assert!(plan_files(&to, &to).unwrap().is_empty());
    // nor does a catalog's debug output show it
    assert!(!catalog_shows(&to, "Hunter2"));
}

#[test]
fn a_server_on_a_missing_wrapper_and_a_mapping_on_a_missing_server_are_errors() {
    assert_eq!(
        problems_of(
            "CREATE TABLE t (id int);\n\
             CREATE SERVER s FOREIGN DATA WRAPPER nowhere;\n\
             CREATE USER MAPPING FOR PUBLIC SERVER missing;\n\
             CREATE FOREIGN TABLE ft (id int) SERVER missing;\n"
        ),
        [
            "schema.sql:2:1: server `s` uses foreign data wrapper `nowhere`, which does not exist",
            "schema.sql:3:1: user mapping for `PUBLIC` on server `missing` names server `missing`, which does not exist",
            "schema.sql:4:22: foreign table `public.ft` names server `missing`, which does not exist",
        ]
    );
    // a wrapper defined later, as a hand-ordered file may, and an extension's
    assert_eq!(
        problems_of(
            "CREATE SERVER s FOREIGN DATA WRAPPER later;\n\
             CREATE FOREIGN DATA WRAPPER later;\n\
             CREATE EXTENSION postgres_fdw;\n\
             CREATE SERVER r FOREIGN DATA WRAPPER postgres_fdw;\n"
        ),
        Vec::<String>::new()
    );
}

/// Wrappers are in no schema: one is managed where its handler and validator are, a server
/// with its wrapper, a user mapping with its server; a wrapper with neither function belongs
/// to no schema and is left out of any scoped plan.
#[test]
fn a_wrapper_is_in_scope_where_its_functions_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema.sql");
    std::fs::write(
        &path,
        "CREATE SCHEMA app;
         CREATE FUNCTION app.check(text[], oid) RETURNS void LANGUAGE plpgsql AS 'BEGIN END';
         CREATE FOREIGN DATA WRAPPER checked VALIDATOR app.check;
         CREATE FOREIGN DATA WRAPPER plain;
         CREATE SERVER a FOREIGN DATA WRAPPER checked;
         CREATE SERVER b FOREIGN DATA WRAPPER plain;
         CREATE USER MAPPING FOR PUBLIC SERVER a;
         CREATE USER MAPPING FOR PUBLIC SERVER b;",
    )
    .unwrap();
    let source = schemadiff_engine::source::Source::Path(path);
    let names = |options: Options| {
        let catalog = schemadiff_engine::load(&source, &options).unwrap();
        let wrappers: Vec<String> = catalog.foreign_data_wrappers.keys().cloned().collect();
        let servers: Vec<String> = catalog.foreign_servers.keys().cloned().collect();
        let mappings: Vec<String> = (catalog.user_mappings.keys())
            .map(|(server, _)| server.clone())
            .collect();
        (wrappers, servers, mappings)
    };
    let all = (
        vec!["checked".into(), "plain".into()],
        vec!["a".into(), "b".into()],
    );
    assert_eq!(names(Options::default()), (all.0, all.1.clone(), all.1));
    let app = Options {
        schemas: vec!["app".into()],
        ..Default::default()
    };
    let only_checked = (vec!["checked".into()], vec!["a".into()], vec!["a".into()]);
    assert_eq!(names(app), only_checked);
    let excluding = Options {
        exclude_schemas: vec!["app".into()],
        ..Default::default()
    };
    assert_eq!(names(excluding), (vec![], vec![], vec![]));
}

// Supabase's `wrappers` extension puts its handlers and validators in `extensions`, which
// the platform owns: a wrapper on them is the platform's to run, not the project's to plan
#[test]
fn a_wrapper_on_the_platform_s_functions_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema.sql");
    std::fs::write(
        &path,
        "CREATE SCHEMA app;
         CREATE SCHEMA extensions;
         CREATE FUNCTION app.check(text[], oid) RETURNS void LANGUAGE plpgsql AS 'BEGIN END';
         CREATE FUNCTION extensions.stripe_fdw_validator(text[], oid) RETURNS void
             LANGUAGE plpgsql AS 'BEGIN END';
         CREATE FOREIGN DATA WRAPPER checked VALIDATOR app.check;
         CREATE FOREIGN DATA WRAPPER stripe VALIDATOR extensions.stripe_fdw_validator;
         CREATE SERVER a FOREIGN DATA WRAPPER checked;
         CREATE SERVER stripe_server FOREIGN DATA WRAPPER stripe;
         CREATE FOREIGN TABLE app.charges (id text) SERVER stripe_server;
         CREATE FOREIGN TABLE app.local (id text) SERVER a;",
    )
    .unwrap();
    let source = schemadiff_engine::source::Source::Path(path);
    let supabase = Options {
        platform: Some(schemadiff_engine::Platform::Supabase),
        ..Default::default()
    };
    let catalog = schemadiff_engine::load(&source, &supabase).unwrap();
    let wrappers: Vec<&String> = catalog.foreign_data_wrappers.keys().collect();
    let servers: Vec<&String> = catalog.foreign_servers.keys().collect();
    let tables: Vec<String> = (catalog.foreign_tables.keys())
        .map(|t| t.to_string())
        .collect();
    assert_eq!(wrappers, ["checked"]);
    assert_eq!(servers, ["a"]);
    assert_eq!(tables, ["app.local"]);
}
