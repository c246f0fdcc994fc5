//! Subscriptions offline: passwords never printed, bad statements reported at their
//! position, and scope.

use schemadiff_engine::{render, Options};

mod common;

use common::offline::{catalog_shows, plan_files, plan_hiding, problems_of};

const TABLE: &str = "CREATE TABLE t (id int);\n";

// a password in a connection must never reach a plan, its rollback, a report or JSON
#[test]
fn passwords_in_connections_are_placeholders_with_a_hazard_and_never_printed() {
    let from = format!(
        "{TABLE}CREATE SUBSCRIPTION kept CONNECTION 'host=h password=Old-Hunter2' PUBLICATION p WITH (connect = false, slot_name = NONE);\n\
         CREATE SUBSCRIPTION gone CONNECTION 'postgresql://app:Gone-Hunter2@h/db' PUBLICATION p WITH (connect = false, slot_name = NONE);\n"
    );
    let to = format!(
        "{TABLE}CREATE SUBSCRIPTION kept CONNECTION 'host=h password=''New Hunter2''' PUBLICATION p WITH (connect = false, slot_name = NONE);\n\
         CREATE SUBSCRIPTION added CONNECTION 'postgresql://app:Added-Hunter2@h/db' PUBLICATION p WITH (connect = false, slot_name = NONE);\n"
    );
    let plan = plan_hiding(&from, &to, "Hunter2");
    let up = &render::up_sql(&plan);
    assert!(
        up.contains("ALTER SUBSCRIPTION kept CONNECTION 'host=h password=''<secret: replace with the password of subscription `kept` before running>'''"),
        "{up}"
    );
    assert!(up.contains("'postgresql://app:***@h/db'"), "{up}");
    let hazards = (plan.steps.iter())
        .flat_map(|s| &s.hazards)
        .filter(|h| h.kind.id() == "secret-required")
        .count();
    assert_eq!(hazards, 2, "{up}");
    // the same secret plans nothing
    assert!(plan_files(&to, &to).unwrap().is_empty());
    // nor does a catalog's debug output show it
    assert!(!catalog_shows(&to, "Hunter2"));
}

// what the server refuses is an error at the statement, not a plan that fails
#[test]
fn what_the_server_refuses_is_an_error_at_its_statement() {
    assert_eq!(
        problems_of(
            "CREATE SUBSCRIPTION a CONNECTION 'host=h' PUBLICATION p WITH (slot_name = NONE);\n\
             CREATE SUBSCRIPTION b CONNECTION 'host=h' PUBLICATION p WITH (connect = false, enabled = true);\n\
             CREATE SUBSCRIPTION c CONNECTION 'host=h' PUBLICATION p WITH (connect = false, slot_name = NONE, colour = blue);\n\
             CREATE SUBSCRIPTION d CONNECTION 'host' PUBLICATION p WITH (connect = false, slot_name = NONE);\n\
             CREATE SUBSCRIPTION e CONNECTION 'host=h' PUBLICATION p WITH (connect = false, slot_name = NONE);\n\
             ALTER SUBSCRIPTION e ENABLE;\n\
             ALTER SUBSCRIPTION missing DISABLE;\n\
             DROP SUBSCRIPTION missing;\n"
        ),
        [
            "schema.sql:1:1: subscription `a` cannot be created: slot_name = NONE needs enabled = false and create_slot = false",
            "schema.sql:2:1: subscription `b` cannot be created: connect = false and enabled, create_slot or copy_data = true are mutually exclusive",
            "schema.sql:3:1: subscription `c` cannot be created: unrecognized subscription parameter `colour`",
            "schema.sql:4:1: subscription `d` cannot be created: connection keyword `host` has no `=` and value",
            "schema.sql:6:1: subscription `e` cannot be altered: a subscription without a slot cannot be enabled",
            "schema.sql:7:1: subscription `missing` is altered but not created",
            "schema.sql:8:1: DROP of `missing`, which is not created",
        ]
    );
}

/// A subscription belongs to no schema: a plan over some schemas leaves it alone, one that
/// leaves schemas out keeps it.
#[test]
fn a_subscription_is_left_out_of_a_plan_over_some_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema.sql");
    std::fs::write(
        &path,
        "CREATE SCHEMA app;
         CREATE SUBSCRIPTION mirror CONNECTION 'host=h' PUBLICATION p WITH (connect = false, slot_name = NONE);",
    )
    .unwrap();
    let source = schemadiff_engine::source::Source::Path(path);
    let names = |options: Options| -> Vec<String> {
        let catalog = schemadiff_engine::load(&source, &options).unwrap();
        catalog.subscriptions.keys().cloned().collect()
    };
    assert_eq!(names(Options::default()), ["mirror"]);
    let app = Options {
        schemas: vec!["app".into()],
        ..Default::default()
    };
    assert!(names(app).is_empty());
    let excluding = Options {
        exclude_schemas: vec!["app".into()],
        ..Default::default()
    };
    assert_eq!(names(excluding), ["mirror"]);
}
